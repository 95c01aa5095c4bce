// This file is generated from specs/equisoft.yaml (sha256 3687c10cc2b6af2f) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
export interface paths {
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user session. */
        post: operations["createSession"];
        /** Delete all sessions */
        delete: operations["deleteAllSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        /** Get detailed information about a user session. */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /** Delete a user session. */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{uuid}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
                /**
                 * @description The id, name or type of the sso token, e.g. the provider it is for.
                 * @example office365
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        /** Get a stored sso token for the session */
        get: operations["getSessionSsoToken"];
        /** Store a sso token for the session for a given id/name/type */
        put: operations["setSessionSsoToken"];
        post?: never;
        /** Delete a sso token for the session for a given id/name/type */
        delete: operations["deleteSessionSsoToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{uuid}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Allow activation for sessions created with enable=false. This may be extended to enable specific services. Disabled sessions are not allowed to be used by first-party application (crm, fna). */
        post: operations["enableSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{uuid}/enable/crm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable session for the crm service */
        post: operations["enableSessionForCrm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{uuid}/impersonate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Impersonate the given user context.
         * @description For administrator with impersonation capability. Impersonate the given user context. After impersonation, the admin user becomes the "actor" and the impersonated user becomes the "user". Use /revertIdentity to revert the impersonation.
         */
        post: operations["impersonate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{uuid}/revertIdentity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revert an impersonated session to the context of the "admin" user who initiated the impersontation. */
        post: operations["revertIdentity"];
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
        Session: {
            /** @description Globally unique identifier. */
            sessionId?: string;
            state?: components["schemas"]["SessionState"];
            /** Format: date-time */
            created?: string;
            /** Format: date-time */
            expire?: string;
            user?: components["schemas"]["User"];
            actor?: components["schemas"]["User"];
            sso?: components["schemas"]["SsoProvider"];
            crm?: components["schemas"]["CrmSession"];
            /** @description Indicate that the session is initiated from a mobile device. */
            mobile?: boolean;
        };
        SessionPayload: {
            /** @description Globally unique identifier. */
            userUuid?: string;
            /** @description This timeout (in seconds) defines the maximum amount of time a session can be active. */
            absoluteTimeout?: number;
            enable?: boolean;
            sso?: components["schemas"]["SsoProvider"];
            /** @description Indicate that the session is initiated from a mobile device. */
            mobile?: boolean;
        };
        /**
         * @description States: * `NEW` - Session creation is not finished.  It can't be used by consumer. * `ENABLED` - Session is active and ready. * `SUSPENDED` - Session idle for too long.  User has to reenter credentials to activate it (Not implemented yet). * `EXPIRED` - Session is expired. * `DELETED` - Session exists but is soft-deleted (Not implemented yet).
         * @enum {string}
         */
        SessionState: "NEW" | "ENABLED" | "SUSPENDED" | "EXPIRED" | "DELETED";
        SsoProvider: {
            /** @description SSO Provider who initiated the single sign on. */
            provider?: string;
            /** @description External identifier the user used to login with the SSO provider. */
            identifier?: string;
        };
        CrmSession: {
            /** @description Session is enabled for crm and is accounted for concurrent access. */
            enabled?: boolean;
        };
        SsoToken: {
            /** @description String that uniquely identify a sso token for a given session. */
            id?: string;
            /** @description Token value returned as stored. There is no double-encoding. */
            value?: string;
        };
        ImpersonatePayload: {
            /** @description Globally unique identifier. */
            userUuid?: string;
        };
        User: {
            /** Format: int64 */
            id?: number;
            uuid?: string;
            displayName?: string;
            email?: string;
            /** @description Mobile phone used for sms password reset. */
            mobilePhone?: string;
            locale?: string;
            state?: components["schemas"]["UserState"];
            /** @description Roles the user is member a member of. */
            roles?: string[];
            /** @description User deletion is disabled. */
            deletable?: boolean;
            /** @description User is accounted for billing. */
            billable?: boolean;
            agreement?: components["schemas"]["UserAgreement"];
            /** Format: date-time */
            created?: string;
            crm?: components["schemas"]["UserDatabase"];
            fna?: components["schemas"]["UserDatabase"];
        };
        /**
         * @description States: * `DELETED` - User is soft deleted or archived. * `DISABLED` - Temporarily denied login. * `ENABLED` - Allowed to login.
         * @enum {string}
         */
        UserState: "DELETED" | "DISABLED" | "ENABLED";
        UserAgreement: {
            state: components["schemas"]["UserAgreementState"];
        };
        /**
         * @description States: * `ACCEPTED` - User agreement and term of use accepted by user. * `REQUESTED` - User has yet to approve user agreements.
         * @enum {string}
         */
        UserAgreementState: "ACCEPTED" | "REQUESTED";
        UserDatabase: {
            databaseId?: number;
            databaseName?: string;
            databaseState?: components["schemas"]["DatabaseState"];
            /** @description Local ID of the user in the database. */
            userId?: number;
            /** @description Number of concurrent desktop session allowed for crm. 0 for unlimited access. */
            maxConcurrentAccess?: number;
        };
        /**
         * @description States: * `ENABLED` - Database is active. * `DISABLED` - Access to this database is suspended. * `DELETED` - Database is deleted. * `MAINTENANCE` - Database is in maintenance, login temporarily suspended.
         * @enum {string}
         */
        DatabaseState: "ENABLED" | "DISABLED" | "DELETED" | "MAINTENANCE";
        /** @description The error body of every failing operation. Known `message` codes (later `ErrorMessage` enum): SERVER_ERROR, NOT_FOUND, BAD_REQUEST, ACCESS_DENIED, CONFLICT, PASSWORD_RESET_REQUESTED, SESSION_ALREADY_IMPERSONATED, SESSION_NOT_IMPERSONATED, SESSION_NOT_ENABLED, USER_NOT_ENABLED, USER_AGREEMENT_REQUESTED, CONCURRENT_ACCESS. */
        ErrorPayload: {
            message?: string;
            description?: string;
        };
    };
    responses: {
        /** @description User session not found. */
        SessionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "NOT_FOUND",
                 *       "description": "session 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17 not found"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorPayload"];
            };
        };
    };
    parameters: {
        /**
         * @description The user session's identifier
         * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
         */
        Uuid: string;
        /**
         * @description The id, name or type of the sso token, e.g. the provider it is for.
         * @example office365
         */
        TokenId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userUuid": "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94",
                 *       "absoluteTimeout": 28800,
                 *       "enable": true,
                 *       "sso": {
                 *         "provider": "azure-ad",
                 *         "identifier": "jane.doe@example.com"
                 *       },
                 *       "mobile": false
                 *     }
                 */
                "application/json": components["schemas"]["SessionPayload"];
            };
        };
        responses: {
            /** @description User session created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Could not create session. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "BAD_REQUEST",
                     *       "description": "userUuid must be a valid uuid"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorPayload"];
                };
            };
        };
    };
    deleteAllSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. All session deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Client error. The vendor definition documents no error for this operation and no `Accept`, so no body is declared (inferred, see the API description). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User session deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    getSessionSsoToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
                /**
                 * @description The id, name or type of the sso token, e.g. the provider it is for.
                 * @example office365
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Returns the content of the stored sso token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "office365",
                     *       "value": "EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAAQ"
                     *     }
                     */
                    "application/json": components["schemas"]["SsoToken"];
                };
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    setSessionSsoToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
                /**
                 * @description The id, name or type of the sso token, e.g. the provider it is for.
                 * @example office365
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        /** @description The token value, stored as sent (no double-encoding). */
        requestBody: {
            content: {
                /** @example EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAAQ */
                "text/plain": string;
            };
        };
        responses: {
            /** @description Successfully stored the sso token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    deleteSessionSsoToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
                /**
                 * @description The id, name or type of the sso token, e.g. the provider it is for.
                 * @example office365
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session SSO token deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description User session or token not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "NOT_FOUND",
                     *       "description": "sso token office365 not found for session 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorPayload"];
                };
            };
        };
    };
    enableSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User session enabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Could not enable session. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "USER_NOT_ENABLED",
                     *       "description": "the session's user is disabled"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorPayload"];
                };
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    enableSessionForCrm: {
        parameters: {
            query?: {
                /**
                 * @description When concurrent access exceeded, delete oldest session. Sent as the `bumpOldestSession` query parameter (account-service-sdk-php `SessionApi::enableSessionForCrmRequest`: `$queryParams['bumpOldestSession']`).
                 * @example true
                 */
                bumpOldestSession?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User session enabled. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Could not enable session for crm. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "CONCURRENT_ACCESS",
                     *       "description": "maximum concurrent crm sessions reached"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorPayload"];
                };
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    impersonate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userUuid": "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94"
                 *     }
                 */
                "application/json": components["schemas"]["ImpersonatePayload"];
            };
        };
        responses: {
            /** @description User session impersonated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The session cannot impersonate this user. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "SESSION_ALREADY_IMPERSONATED",
                     *       "description": "revert the current impersonation first"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorPayload"];
                };
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
    revertIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user session's identifier
                 * @example 3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17
                 */
                uuid: components["parameters"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User session identity reverted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The session is not impersonated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "SESSION_NOT_IMPERSONATED",
                     *       "description": "the session has no actor to revert to"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorPayload"];
                };
            };
            404: components["responses"]["SessionNotFound"];
        };
    };
}
