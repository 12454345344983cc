/** Test vectors from the Nuts node's tests (spec §4.8); shared by the specs of this lib. */
export const NL_V1_VECTOR =
  'NL:BehandelaarLogin:v1 Ondergetekende geeft toestemming aan Alpha & Beta om namens Zorg & Zo en ondergetekende het Nuts netwerk te bevragen. Deze toestemming is geldig van woensdag, 1 januari 2020 02:01:01 tot woensdag, 1 januari 2020 03:01:01.';
/** NL v3 vector of §4.8. */
export const NL_V3_VECTOR =
  'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van Zorg & Zo te A & B. Deze verklaring is geldig van woensdag, 1 januari 2020 02:01:01 tot woensdag, 1 januari 2020 03:01:01.';
/** EN v3 vector of §4.8. */
export const EN_V3_VECTOR =
  'EN:PractitionerLogin:v3 I hereby declare to act on behalf of Zorg & Zo located in A & B. This declaration is valid from Wednesday, 1 January 2020 02:01:01 until Wednesday, 1 January 2020 03:01:01.';
/** The CareBears example of §4.8 (validFrom 2019-06-24T14:32:00+02:00, 2h, NL v3). */
export const CAREBEARS_VECTOR =
  'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van CareBears te Caretown. Deze verklaring is geldig van maandag, 24 juni 2019 14:32:00 tot maandag, 24 juni 2019 16:32:00.';
