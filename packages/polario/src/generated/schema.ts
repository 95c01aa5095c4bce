// This file is generated from specs/polario.yaml (sha256 56d0fd62439c2345) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
export interface paths {
    "/auth/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SCRAM First
         * @description This endpoint provides the first message of a salted challenge response authentication mechanism (SCRAM). This challenge is used to validate the users password. It is used to perform login or change password with old password. The _Platform_ header is for creating session use range. See RFC 5802 for detail SCRAM definition.  _accessible without permission_
         */
        post: operations["authAuthPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login
         * @description This endpoint provides the login with a salted challenge response authentication mechanism (SCRAM). This endpoint is for the final message of the SCRAM challenge. The platform must match the platform from the first message. See RFC 5802 for detail SCRAM definition.  To perform this action call SCRAM First first: POST /auth/auth  _accessible without permission_
         */
        post: operations["authLoginPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Logout
         * @description This endpoint finish current session and invalidates the refresh token for this session.  _accessible without permission_
         */
        get: operations["authLogoutGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh
         * @description This endpoint refreshes a JWT with given refresh token and return it in the response header. If refresh token is invalid it will return 416 Requested Range Not Satisfiable.  _accessible without permission_
         */
        post: operations["authSessionPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The SCRAM client-first message (`n,,n=<email>,r=<nonce>`). Vendor model `auth.AuthenticationRequest`. */
        AuthAuthenticationRequest: {
            /** @description The account's email address, the SCRAM user name. */
            email?: string;
            /** @description The client nonce (`r=` of the client-first message). */
            nonce?: string;
        };
        /** @description The SCRAM server-first message (`r=<nonce>,s=<salt>,i=<iterationCount>`). Vendor model `auth.AuthenticationResponse`. */
        AuthAuthenticationResponse: {
            /** @description Unix time at which this challenge expires (inferred meaning). */
            expires?: number;
            /** @description The PBKDF2 iteration count (`i=`). */
            iterationCount?: number;
            /** @description The combined nonce, client nonce followed by the server nonce (`r=`). */
            nonce?: string;
            /**
             * Format: byte
             * @description The base64 salt (`s=`).
             */
            salt?: string;
        };
        /** @description The SCRAM client-final message (`c=biws,r=<nonce>,p=<proof>`) plus the device the session is created for. Vendor model `auth.LoginRequest`. */
        AuthLoginRequest: {
            /** @description Default: `null` */
            browser?: string | null;
            /** @description Default: `null` */
            deviceName?: string | null;
            /** @description The same email as in the first message. */
            email?: string;
            /** @description The combined nonce from the server-first message (`r=`). */
            nonce?: string;
            /** @enum {string} */
            os?: "Android" | "IOS" | "Windows" | "Linux" | "Mac" | "Other";
            osVersion?: string;
            /**
             * Format: byte
             * @description The base64 ClientProof (`p=`).
             */
            proof?: string;
        };
        /** @description The SCRAM server-final message plus the session's refresh token. Vendor model `auth.LoginResponse`. */
        AuthLoginResponse: {
            deviceId?: string;
            /** @description the project id the user has to be forwarded to */
            redirectProjectId?: string | null;
            /** @description The refresh token for `POST /auth/session`. */
            refreshToken?: string;
            sendbirdSessionToken?: string | null;
            /**
             * Format: byte
             * @description The base64 ServerSignature (the `v=` value of the server-final message); the client must verify it. Empty when the session comes from an SSO code rather than SCRAM.
             */
            signature?: string;
        };
        /** @description Vendor model `auth.RefreshRequest`. */
        AuthRefreshRequest: {
            refreshToken?: string;
        };
        /** @description Vendor model `auth.RefreshResponse`. The refreshed JWT itself travels in the `Session` response header. */
        AuthRefreshResponse: {
            deviceId?: string;
            sendbirdSessionToken?: string | null;
        };
        /** @description Vendor model `model.SwagStatusOk`. */
        ModelSwagStatusOk: {
            status?: string;
        };
        ModelSwagErrorBadRequest: {
            error?: string;
        };
        ModelSwagErrorUnauthorized: {
            error?: string;
        };
        ModelSwagErrorForbidden: {
            error?: string;
        };
        ModelSwagErrorRangeNotSatisfiable: {
            error?: string;
        };
        ModelSwagErrorInternalServerError: {
            error?: string;
        };
    };
    responses: {
        /** @description Bad Request */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "bad request"
                 *     }
                 */
                "application/json": components["schemas"]["ModelSwagErrorBadRequest"];
            };
        };
        /** @description Unauthorized */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unauthorized"
                 *     }
                 */
                "application/json": components["schemas"]["ModelSwagErrorUnauthorized"];
            };
        };
        /** @description Forbidden */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "forbidden"
                 *     }
                 */
                "application/json": components["schemas"]["ModelSwagErrorForbidden"];
            };
        };
        /** @description Requested Range Not Satisfiable (the refresh token is invalid) */
        RangeNotSatisfiable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid refresh token"
                 *     }
                 */
                "application/json": components["schemas"]["ModelSwagErrorRangeNotSatisfiable"];
            };
        };
        /** @description Internal Server Error */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "internal server error"
                 *     }
                 */
                "application/json": components["schemas"]["ModelSwagErrorInternalServerError"];
            };
        };
    };
    parameters: {
        /**
         * @description The client platform. Sent as the `Platform` request header (polario-sdk-php `authAuthPostRequest` / `authLoginPostRequest`: `$headerParams['Platform']`). The login's platform must match the first message's. The vendor's SSO flow names the platforms `Ios`, `Android`, `Web` and `Cms`; the definition itself declares no enum.
         * @example Web
         */
        Platform: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The session's JWT (the value later sent back in the `Session` request header). The header name is inferred, see the API description.
         * @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1ZjNjMmIxYS03ZDhlLTRmOTAtYTFiMi1jM2Q0ZTVmNmE3YjgiLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6NDEwMjQ0NDgwMH0.O77CMn11k0pvrc-oWruVDS4ZYPczzwAOvpbgEoUxit0
         */
        Session: string;
        /**
         * @description The refreshed JWT ("return it in the response header"). The header name is inferred, see the API description.
         * @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1ZjNjMmIxYS03ZDhlLTRmOTAtYTFiMi1jM2Q0ZTVmNmE3YjgiLCJpYXQiOjE3NjcyMjkyMDAsImV4cCI6NDEwMjQ0NDgwMH0.1GAAFw16b_yIc0RVY83omdq08CDqlUTljnXKu7XLu5Y
         */
        RefreshedSession: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authAuthPost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The client platform. Sent as the `Platform` request header (polario-sdk-php `authAuthPostRequest` / `authLoginPostRequest`: `$headerParams['Platform']`). The login's platform must match the first message's. The vendor's SSO flow names the platforms `Ios`, `Android`, `Web` and `Cms`; the definition itself declares no enum.
                 * @example Web
                 */
                Platform?: components["parameters"]["Platform"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Clients First Message */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user",
                 *       "nonce": "rOprNGfwEbeRWgbNEkqO"
                 *     }
                 */
                "application/json": components["schemas"]["AuthAuthenticationRequest"];
            };
        };
        responses: {
            /** @description The server-first message of the SCRAM exchange. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "nonce": "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
                     *       "salt": "W22ZaJ0SNY7soEsUEjb6gQ==",
                     *       "iterationCount": 4096,
                     *       "expires": 4102444800
                     *     }
                     */
                    "application/json": components["schemas"]["AuthAuthenticationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalServerError"];
        };
    };
    authLoginPost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The client platform. Sent as the `Platform` request header (polario-sdk-php `authAuthPostRequest` / `authLoginPostRequest`: `$headerParams['Platform']`). The login's platform must match the first message's. The vendor's SSO flow names the platforms `Ios`, `Android`, `Web` and `Cms`; the definition itself declares no enum.
                 * @example Web
                 */
                Platform?: components["parameters"]["Platform"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Clients Final Message */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user",
                 *       "nonce": "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
                 *       "proof": "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                 *       "os": "Linux",
                 *       "osVersion": "6.8",
                 *       "deviceName": "build-agent-01",
                 *       "browser": null
                 *     }
                 */
                "application/json": components["schemas"]["AuthLoginRequest"];
            };
        };
        responses: {
            /** @description The server-final message (`signature`) and the session's refresh token. The session's JWT comes back in the `Session` response header. */
            200: {
                headers: {
                    Session: components["headers"]["Session"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "signature": "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                     *       "refreshToken": "rt_4f9d2c7a1e6b8035c2d9a7f1e4b6c8d0",
                     *       "deviceId": "6a1f0c2e-9b3d-4e7a-8c5f-2d1e0b9a8c7f",
                     *       "redirectProjectId": null,
                     *       "sendbirdSessionToken": null
                     *     }
                     */
                    "application/json": components["schemas"]["AuthLoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
        };
    };
    authLogoutGet: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description JWT. Sent as the `Session` request header (polario-sdk-php `SessionApi::authLogoutGetRequest`: `$headerParams['Session']`).
                 * @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1ZjNjMmIxYS03ZDhlLTRmOTAtYTFiMi1jM2Q0ZTVmNmE3YjgiLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6NDEwMjQ0NDgwMH0.O77CMn11k0pvrc-oWruVDS4ZYPczzwAOvpbgEoUxit0
                 */
                Session: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is finished and its refresh token invalidated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["ModelSwagStatusOk"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    authSessionPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description refresh token */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "rt_4f9d2c7a1e6b8035c2d9a7f1e4b6c8d0"
                 *     }
                 */
                "application/json": components["schemas"]["AuthRefreshRequest"];
            };
        };
        responses: {
            /** @description The JWT is refreshed; the new JWT comes back in the `Session` response header. */
            200: {
                headers: {
                    Session: components["headers"]["RefreshedSession"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deviceId": "6a1f0c2e-9b3d-4e7a-8c5f-2d1e0b9a8c7f",
                     *       "sendbirdSessionToken": null
                     *     }
                     */
                    "application/json": components["schemas"]["AuthRefreshResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            416: components["responses"]["RangeNotSatisfiable"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
