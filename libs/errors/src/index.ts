export { errorCatalog, errorSpec, type ErrorCode, type ErrorSpec } from './catalog.js';
export { NutshellError, isNutshellError, type NutshellErrorOptions } from './nutshell-error.js';
export { toProblem, toIrmaError, toOAuthError, type ProblemDetails, type IrmaRemoteError, type OAuthErrorBody } from './problem.js';
