// This file is generated from specs/cloudendure.yaml (sha256 e9c7f4d733280594) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
export interface paths {
    "/login": {
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
         * @description Upon successful authentication, this method returns a session identifier cookie that can be used to authenticate subsequent API calls.
         */
        post: operations["loginPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Logout
         * @description Invalidates the session identifier associated with this session.
         */
        post: operations["logoutPost"];
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
        /**
         * @description Login info. One way of authenticating: `username` + `password`, or `userApiToken` (the user's API token), or
         *     one of the other tokens; `accountIdentifier` selects the account when the user belongs to several.
         */
        InlineObject1: {
            /** @description The user's e-mail address (used with `password`). */
            username?: string;
            loginToken?: string;
            /** @description The user's API token, an alternative to username and password. */
            userApiToken?: string;
            agentInstallationToken?: string;
            /** Format: password */
            password?: string;
            accountIdentifier?: string;
            googleOauthCode?: string;
        };
        /** @description Contains the user identification properties such as e-mail address and Installation Token as well as user preferences. */
        User: {
            username?: string;
            /** @enum {string} */
            readonly status?: "PENDING" | "CONFIRMED" | "DELETED";
            readonly account?: string;
            readonly roles?: ("USER" | "ACCOUNT_ADMIN" | "ACCOUNT_OWNER" | "GLOBAL_READONLY" | "MANAGER")[];
            settings?: components["schemas"]["UserSettings"];
            readonly apiToken?: string;
            hasPassword?: boolean;
            /** @description one-way; cannot be set at time of POST */
            termsAccepted?: boolean;
            readonly id?: string;
            selfLink?: string;
        };
        UserSettings: {
            sendNotifications?: components["schemas"]["UserSettingsSendNotifications"];
        };
        UserSettingsSendNotifications: {
            projectIDs?: string[];
            projectIDsUntestedMigrations?: string[];
        };
        Error: {
            message?: string;
            code?: string;
        };
    };
    responses: {
        /** @description The login credentials provided cannot be authenticated. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "The login credentials provided cannot be authenticated."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description There is no active license configured for this account (A license must be purchased or extended). */
        PaymentRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "There is no active license configured for this account."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Authentication failure limit has been reached. The service will become available for additional requests
         *     after a timeout.
         */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Authentication failure limit has been reached."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    loginPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InlineObject1"];
            };
        };
        responses: {
            /** @description Login successful. */
            200: {
                headers: {
                    /**
                     * @description The session cookie `session`; the real response also sets the anti-forgery cookie `XSRF-TOKEN`.
                     *     Send `session` back as a cookie and the `XSRF-TOKEN` value in the `X-XSRF-TOKEN` header on every later
                     *     call. (Only `session` is shown: a mock can emit one `Set-Cookie` value.)
                     * @example session=4f2b9c1e7a6d43b08e5f1c2a9d7b3e60; Path=/; Secure; HttpOnly
                     */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "username": "jane@example.com",
                     *       "status": "CONFIRMED",
                     *       "account": "6d0a8f3e-2b1c-4e7a-9f5d-0c3b8a1e4d72",
                     *       "roles": [
                     *         "ACCOUNT_OWNER"
                     *       ],
                     *       "settings": {
                     *         "sendNotifications": {
                     *           "projectIDs": [
                     *             "1b7e4c2a-5d9f-4a3e-8c6b-0f2d1e9a7b35"
                     *           ],
                     *           "projectIDsUntestedMigrations": []
                     *         }
                     *       },
                     *       "hasPassword": true,
                     *       "termsAccepted": true,
                     *       "id": "9c5e1a7b-3f2d-4b8e-a0c6-7d4e2f1b9a38",
                     *       "selfLink": "https://console.cloudendure.com/api/latest/users/9c5e1a7b-3f2d-4b8e-a0c6-7d4e2f1b9a38"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            /**
             * @description A different endpoint is required to service this user. A redirect address is provided to where
             *     subsequent calls should go.
             */
            307: {
                headers: {
                    /**
                     * @description The login URL on the endpoint that serves this user; later calls go to its base.
                     * @example https://console.cloudendure.com/api/v5/login
                     */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logoutPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logout successful. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description No valid session. Logout invalidates the session named by the `session` cookie the request carries (with
             *     its `X-XSRF-TOKEN` header); without one there is nothing to invalidate. From the definition's general note
             *     that 401 may be returned by any method for unauthenticated requests.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
