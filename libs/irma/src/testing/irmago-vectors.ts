/**
 * Test vectors published in privacybydesign/irmago (HEAD c8ed840d4a10, 2026-08-21), transcribed
 * as data. They were made with irmago's test `irma_configuration`; where that differs from the
 * real irma-demo scheme the differing key material is given too, with its source.
 */

/**
 * `irma/irmago_test.go` TestVerifyValidSig: a version-1 SignedMessage (no @context) over
 * "I owe you everything" by an irma-demo.RU.studentCard credential (metadata version 2, key 2),
 * timestamped by the 2018 privacybydesign Atum key. irmago: VALID, one EXTRA attribute "456".
 * Key irma-demo.RU-2 of the real scheme has the same n, Z, S, R (only ExpiryDate differs).
 */
export const IRMAGO_VALID_SIG: Record<string, unknown> = {
  "signature": [
    {
      "c": "pliyrSE7wXcDcKXuBtZW5bnucvBSXpILIRvnNBgx7hQ=",
      "A": "D/8wLPq9860bpXZ5c+VYyoPJ+Z8CWDZNQ0jXvst8qnPRdivy/GQIfJHjVnpOPlHbguphb/7JVbfcV3bZeybA3bCF/4UesjRUZlMf/iJ/QgKHbt41ogN1PPT5z7qBJpkxuNTIkHxaUPoDvhouHmuC9pNj4afRUyLJerxKPkpdBw0=",
      "e_response": "YOrKTrMSs4/QOUtPkT0YaYNEmW7Cs+cu624zr2xrHodyL88ub6yaXB7MGHAcQ1+iXsGN8jkfxB/0",
      "v_response": "AYSa1p8ISs//MsocJjODwWuPB/z6+iKHHi+sTToRs0eJ2X1gwmWoA5QB0aHjRkWye3/+2rtosfUzI77FlPQVnrbMERwcuYM/fx3fpNCpjm2qcs3AOJRcSRxcNFMe1+4ECsmJhByMDutS1KXAAKiNvnhEXx9f0JrQGwQFtpSFPh8dOuvEKUZHAUALr4FcHCa2HL9nDRiqy2KAOxE0nAANAcMaBo/ed+WZeHtv4CTB7egyYs27cklVbwlBzmRrbjNZk57ICd0jVd6SZ2Ir93r/aPejkyhQ03xh9RVVyhOn4bkbjKIBzEybXTJAXgNmvd6F8Ds00srBZVWlo7Z23JZ7",
      "a_responses": {
        "0": "QHTznWWrECRNNmUNcy0yGu2L6qsZU6qkvaII8QB8QjbUxpwHzSeJWkzrn/Kk1KIowfoqB1DKGaFLATvuBl+bCoJjea+2VfK9Ns8=",
        "2": "H57Y9CTXJ5MAVo+aFfNSbmRMFQpraBIZVOXiRxCD/P7Aw4fW8r9P5l9pO9DTUeExaqFzsLyF5i5EridVWxlP2Wv0zbH8ku9Sg9w=",
        "3": "joggAmOhqM4QsKdoLHAfaslzXqJswS7MwZ/5+AKYdkMaHQ45biMdZU/6R+B7bjvsumg2f6KyTyg0G+BI+wVdJOjh3kGezdANB7Y=",
        "5": "5YP4A82WWeqc33e5Zg/Q8lqQQ1amLE8mOxMwCXb3N4J0UJRfV9lUFvbH1Q3Yb3YHAZpzGvhN/pBacwqktMkP4L71PnMldqA+nqA="
      },
      "a_disclosed": {
        "1": "AgAJuwB+AALWy2qU9p3l52l9LU1rVT4M",
        "4": "NDU2"
      }
    }
  ],
  "nonce": "Kg==",
  "context": "BTk=",
  "message": "I owe you everything",
  "timestamp": {
    "Time": 1527196489,
    "ServerUrl": "https://metrics.privacybydesign.foundation/atum",
    "Sig": {
      "Alg": "ed25519",
      "Data": "ZV1qkvDrFK14QrUSC66xTNr9HitCOV4vwfGX0bh3iwY7qyHCi9rIOE97KY8CZifU5oLgVhFWy5E+ALR+gEpACw==",
      "PublicKey": "e/nMAJF7nwrvNZRpuJljNpRx+CsT7caaXyn9OX683R8="
    }
  }
};

/** The Atum key that signed IRMAGO_VALID_SIG's timestamp (idemix.md §13.5, 2018). */
export const ATUM_KEY_2018 = '7bf9cc00917b9f0aef359469b89963369471f82b13edc69a5f29fd397ebcdd1f';

/**
 * `internal/sessiontest/revocation_test.go` subtest VerifyAttributeBasedSignature: a version-2
 * SignedMessage with a nonrevocation proof by irma-demo.MijnOverheid.root (key 2), timestamped
 * by the 2019–2020 Atum key. irmago: VALID with its test configuration.
 */
export const IRMAGO_REVOCATION_SIG: Record<string, unknown> = {
  "@context": "https://irma.app/ld/signature/v2",
  "signature": [
    {
      "c": "It0yT9OjFotXN0tUMZKaEo43WOugqv6GVlG0/WP03jE=",
      "A": "WkB+1nj1vT5kdq7Q9hjoNlndvGtKoaLB/Ugs0rvjqMYBhCgXq19h/5ThesxLysVH15yPbVh+rlaZRYWfqKRvXs1z4aBhcHi+1hBB1JXENAnBpdfEQvZtzfz5I1fOIqEFkY+5kU6t7wkGj4QM7OhjHsquihoCnTT/vp6VIpYZnfI=",
      "e_response": "wL+gwLa/myLy8HdilGKor4/Kfake1PvY0ZYfZyY4LZiO41hLC17MD6vYSTrsblkzuWO6ai3WsCIW",
      "v_response": "DI3bQp04GNAIF7ylUqElTTwh4aLuytQOzFYVSGwtzlX8YGxsUZzOaLo0iCc2MKtqCiYBJp1LsQNW9f1lKub31ML2Xu53wYw99tGuqngl1wJaqHI6rQCSLlxTgyXzj0CJ6SXNkWEIBFpPcauMLnRG4eD20WtQ8oyFHQjfRrm0hZKMNlqb8CQOdDZNL8POnUHlap9FhFrM7IVCjUuOf8XHtgXo5PaFh7Gzj1dkyZKdofvM51hVvLi4T+qf4b9F5XZV4b1fVmmU70Sm/BA3eaonXv67vk5XBb8XW7cbLGtUqtg8tO/T5Cpdnw/fGGn0g61CJ11RmuEqbFa0uwp/rhIs",
      "a_responses": {
        "0": "dBDhQmFfrCLFwIUL92UudSsk4TdtCj/bfpl6wBNjV4fD1upB8ViXSn8mQMMCm7SoOM8/9qf/aWw0vzuv4JAWe03N6gqdMTlNbtI=",
        "3": "ZqbH95Dc56+9LzG9AJi7jZX1rEzv5AKtbrom+DVuF6k59dAahz77huVos/SYSSSGsQl6yh8oUinaGhyel9hgPYZXOREA8OfG"
      },
      "a_disclosed": {
        "1": "AwAKOQAaAAIIuOcAMwFiUVy4Y5PtnTFG",
        "2": "ZHJybnJkaGpx"
      },
      "nonrev_proof": {
        "C_r": "bi6ByaP46KtZaJEril4vMky1sbQr3/tBIo/yra1KTNV7vWIPc7IEusYLaTWRIfgdASYFgZg7MWgPPqcvzzrx8M0tjUEEayQeeWKwuKm0pL3lHOaZY+IuCzQXdh2lEZxGPlTM0gFlWE7JOywvt4rC6b8CThVgropZBgc8PJBPjWs=",
        "C_u": "udtOV/dALqU2ab5GRzy7Ps6F10g6XyU7aj0ij4D7G55UQu/9Dxy562VLcmJQWGVhW63EuyHYKpEWEcQsi81UJV+eYXI7obiKJ0UJE8L5dLiEjR5+Nbwm+RsyJ+75daOpkerf/gpyECroiTsYtIl6u5Yz5uP9DgfyzKqjpSYzSY4=",
        "responses": {
          "alpha": "ZqbH95Dc56+9LzG9AJi7jZX1rEzv5AKtbrom+DVuF6k59dAahz77huVos/SYSSSGsQl6yh8oUinaGhyel9hgPYZXOREA8OfG",
          "beta": "68eyUujDJDUv8P3ooM2yMLuHqTcAJERyVW7bQGF4MCfKRF7iIQz1bNr4bXWWw9QPBcKbryQjAQpUzPfIsWd0c9sjXvE6AdRj9KHWTo6WPbGB59vemK2hHf/WI88mysy+/zskEj1TZVJSBjqaGXcRLvV5HsAvgI3IlYAfdB2F+EE6ZSLuH3nkYVhFOlw15lI0mU3FnKwaeT9Tm+SbW2Zzy1VoFdaK+wkxACmYD/6hFhFH5rP7SvRMZ2aqjDa1I0I8GUxTnv7HZdo=",
          "delta": "AQgE6fY7pFpC8iRrI9PhmfBNf0dQAYWNf5Jlm3Q7QhAm4BA9v7EzM0c8nUCcLTA39yWKw3ZOaLnXnRNmdRzRDPauWi9brvHmgaMVdABhoE3d6r84tLg1GHgnPPWh30W6C5PZAsPy+65CUQzcdZZo138agebi2OiYGv5t07E7KaGwHR/SuQAOQl0oDZ3p74Uc/tY7/Ocz5DHHoG7hYEmoa7jaNBFarlDItLs4OoLvMpOijQNelu2f3qn8MVEfwb/B5ucpWWDzwUka",
          "epsilon": "dJ/RNAi6XLKUupglYfbnYEXGBcblVLwjcGhh/TTGFIdnBrENirg+33XAq8+Hl1DPYEA6PAj7ictCO9rq9Zf8HIohTcqwOx0aV7m9nXZgilQuu+v3WrVhuk06HnVPNHAP7C7VdoWkg6J6J4EXpJj1bb/uZx/gWmWhneUIalfZP44K8YrzGnJ6eSfu3xjk0XYbAlQDrIRC2cZ+pq/LpPKNDZtSBSyTJOlPTIvkD2zljA==",
          "zeta": "K7zPNUe2rNH2mFhGUA0o5JH/cbb88/URksO0Bq2ASUiqIs3t4UaNqcEDizbkoC+l2OJ2LzvObr5z3qcI/qhXAmiLWg/ifExRLHF9jGIjwQbjptftjlF3hGmhhDsHAsP8WGfACFNfvwSdsMPgCGIAZQDSWhgXyoIJzafS9xZx82/LwwNYX8E27FeKZzlh62/ZTC/3sU/mLcsL1TIk4ysmXGMLLDJUCbXN4EIWE14vsnA="
        },
        "sacc": {
          "data": "omNNc2dYxaRiTnVYgCmYtZDXoWoh9Do70RmLdeiIAWimmG4pJAMK/3kHKqJy+U8ePnzh/5qKo8JTj++RUOkPN2vBwqRMRrNsn4rd4Aa0xHmx17/d2YnjhEWwk2M4kPvIoNoM3202fLQRpwPh2vofp7JwYEaz+/DkmK3Gz8f/kv5fLqP/Q5X5Be2jZFiKZUluZGV4AGRUaW1lGl5X3AtpRXZlbnRIYXNoWCISIMiMqOJlUpd1DIx4UEkjTRF0he/yjjM3TQ6I8x7ShWF7Y1NpZ1hHMEUCIAqH0UaPkqeEp6dmEk1sdf/SOVYUjJvU2Hb05LlBJ5mrAiEA0jDFc5fQhOl8rgcJdSlDCY169UksNQQKgtPKNoWhX0k=",
          "pk": 2
        }
      }
    }
  ],
  "indices": [
    [
      {
        "cred": 0,
        "attr": 2
      }
    ]
  ],
  "nonce": "OkdD8pg642lA3m7uCjW7Xw==",
  "context": "AQ==",
  "message": "message",
  "timestamp": {
    "Time": 1582816270,
    "ServerUrl": "https://irma.sidn.nl/atumd/",
    "Sig": {
      "Alg": "ed25519",
      "Data": "8E/Nj/acMLe8Xbn5IKWAoivS9xVRf7oPr0HmxmhGQ8TqurjIWyEuMdSTRZNORKjDATLjDrTHA6bL5UK2roxCCQ==",
      "PublicKey": "MKdXxJxEWPRIwNP7SuvP0J/M/NV51VZvqCyO+7eDwJ8="
    }
  }
};

/** The Atum key that signed IRMAGO_REVOCATION_SIG's timestamp (idemix.md §13.5, 2019–2020). */
export const ATUM_KEY_2019 = '30a757c49c4458f448c0d3fb4aebcfd09fccfcd579d5566fa82c8efbb783c09f';

/**
 * Revocation material of irma-demo.MijnOverheid key 2 in irmago's `testdata/irma_configuration`
 * (commit 3d90713679e1f1a57cf22a73f5b9cf26bce4db14). The real scheme's key 2 has the same n, Z,
 * S, R but other G, H and ECDSA values, so IRMAGO_REVOCATION_SIG only verifies with these.
 */
export const IRMAGO_TESTDATA_MIJNOVERHEID_2_REVOCATION = {
  G: 114098143174254429094484381945986970986273534664824738178909494862119544224407881468355361901617240335090483697030709230463418490751809330936580006759410722045349673477003138702188614163563113424079029684072632423275561716191292413160643980509723602643859106490490493535888208692736614157661942041403546539806n,
  H: 111051959689590653116220474875423977607645164205925629763774117177378491180605730135035442988751122247691940763771099914108153347339977088173398432075211801391331333979363938366603033003558140263628717222713988062648676280864949666097074497850087102141358358287335708273952338489992938697001219033629212727057n,
  ecdsa: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEWVYqncxb8T7Dgsp4EiWn0/mQBWbNRPQeklZLnehXoDXn4pHHFrSfR0MCiT+3JSawYYIrq3U6evRpfisXN0SdBg==',
} as const;
