// This file is generated from specs/koyeb.yaml (sha256 0ce5154eb83c0e97) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
export interface paths {
    "/v1/account/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login user
         * @description The vendor definition lists the `Bearer` scheme on every operation, login included; a login needs no token, so the requirement is `Bearer` or nothing (the empty alternative), which keeps the stated scheme and lets a first login through.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Logout user */
        delete: operations["logout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New session
         * @description Creates a new session without an organization for current user. NOTE: If you want a session linked to another organization, please use "Switch organization".
         */
        post: operations["newSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Refresh token */
        put: operations["refreshToken"];
        post?: never;
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
        LoginRequest: {
            /** Format: email */
            email?: string;
            /** Format: password */
            password?: string;
            organization_id?: string;
        };
        LoginReply: {
            token?: components["schemas"]["Token"];
        };
        Token: {
            /** @description The bearer token itself. */
            id?: string;
            user_id?: string;
            organization_id?: string;
            /** Format: date-time */
            expires_at?: string;
        };
        Error: {
            /** Format: int32 */
            status?: number;
            code?: string;
            message?: string;
        };
        ErrorWithFields: {
            /** Format: int32 */
            status?: number;
            code?: string;
            message?: string;
            fields?: components["schemas"]["ErrorField"][];
        };
        ErrorField: {
            field?: string;
            description?: string;
        };
        "google.protobuf.Any": {
            "@type"?: string;
        } & {
            [key: string]: unknown;
        };
        "google.rpc.Status": {
            /** Format: int32 */
            code?: number;
            message?: string;
            details?: components["schemas"]["google.protobuf.Any"][];
        };
    };
    responses: {
        /** @description Validation error */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 400,
                 *       "code": "invalid_argument",
                 *       "message": "Validation error",
                 *       "fields": [
                 *         {
                 *           "field": "email",
                 *           "description": "must be a valid email address"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorWithFields"];
            };
        };
        /** @description Returned when the token is not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 401,
                 *       "code": "unauthenticated",
                 *       "message": "The token is not valid"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Returned when the user does not have permission to access the resource. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 403,
                 *       "code": "permission_denied",
                 *       "message": "You do not have permission to access this resource"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Returned when the resource does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 404,
                 *       "code": "not_found",
                 *       "message": "Not found"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Returned in case of server error. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 500,
                 *       "code": "internal",
                 *       "message": "Internal server error"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Service is unavailable. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 503,
                 *       "code": "unavailable",
                 *       "message": "Service is unavailable"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An unexpected error response. */
        Unexpected: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 2,
                 *       "message": "unknown error",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["google.rpc.Status"];
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
    login: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Seon Fingerprint. Sent as the `seon-fp` header (koyeb-python-sdk `_login_serialize`).
                 * @example 5f8a1e0c2b
                 */
                "seon-fp"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "jane@example.com",
                 *       "password": "correct-horse-battery-staple"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A successful response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": {
                     *         "id": "kyb_3f0c6a8e5d2b4c1a9e7f0d8c6b5a4e3d",
                     *         "user_id": "2b1f6e0a-7c3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "organization_id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d",
                     *         "expires_at": "2030-01-01T00:00:00Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["LoginReply"];
                };
            };
            400: components["responses"]["ValidationError"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Unavailable"];
            default: components["responses"]["Unexpected"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A successful response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["ValidationError"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Unavailable"];
            default: components["responses"]["Unexpected"];
        };
    };
    newSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A successful response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": {
                     *         "id": "kyb_7d6c5b4a3e2f1a0b9c8d7e6f5a4b3c2d",
                     *         "user_id": "2b1f6e0a-7c3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "organization_id": "",
                     *         "expires_at": "2030-01-01T00:00:00Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["LoginReply"];
                };
            };
            400: components["responses"]["ValidationError"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Unavailable"];
            default: components["responses"]["Unexpected"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A successful response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": {
                     *         "id": "kyb_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
                     *         "user_id": "2b1f6e0a-7c3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "organization_id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d",
                     *         "expires_at": "2030-01-01T01:00:00Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["LoginReply"];
                };
            };
            400: components["responses"]["ValidationError"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Unavailable"];
            default: components["responses"]["Unexpected"];
        };
    };
}
