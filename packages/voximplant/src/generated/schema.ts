// This file is generated from specs/voximplant.yaml (sha256 41e3b524d0a07b0f) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
export interface paths {
    "/Logon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Logon
         * @description Gets a temporary session ID (and a permanent 'api_key') to work with the API.
         */
        post: operations["logon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Logout": {
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
         * @description Forgets the session ID.
         */
        post: operations["logout"];
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
        /** @description Logon's result. On failure only `error` is present. */
        InlineResponse20060: {
            /** @description The temporary session ID. */
            result?: string;
            /** @description The permanent account (or admin user) access ID. */
            api_key?: string;
            /**
             * Format: int64
             * @description The account's ID.
             */
            account_id?: number;
            /** @description The account's name. */
            account_name?: string;
            /** @description Description in progress... (the vendor's own wording) */
            debugger_address?: string;
            /** @description Addresses of the account's NLU (avatar) servers. */
            nlu_addresses?: string[];
            error?: components["schemas"]["APIError"];
        };
        /** @description Logout's result. On failure only `error` is present. */
        InlineResponse200: {
            /** @description 1 */
            result?: number;
            error?: components["schemas"]["APIError"];
        };
        /** @description The error object a failed Platform API call returns (with HTTP 200). */
        APIError: {
            /** @description The error code. */
            code: number;
            /** @description The error description. */
            msg: string;
        };
    };
    responses: {
        /**
         * @description The request was rejected before reaching the Platform API (for example an oversized or malformed request).
         *     Not documented by the vendor and without a documented body; Platform API errors arrive as HTTP 200 with
         *     `error`.
         */
        FrontEndRejection: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    logon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Empty: Logon takes no method parameters ("This endpoint does not need any parameter"); the body is
         *     declared only because the seed states the form Content-Type, which OpenAPI 3 can only express through a
         *     request body. Voximplant also documents logging on with `account_email` (or `account_id`) and
         *     `account_password` instead of `account_name` + `api_key` (its HTTP API reference shows
         *     `Logon/?account_email=...&account_password=...`); that alternative is a documented vendor fact this spec
         *     does not model, because the seed's security requirement for Logon is `api_key` + `account_name`.
         */
        requestBody?: {
            content: {
                /** @example {} */
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /**
             * @description The session ID in `result`, plus the account's permanent `api_key`; or, when the call failed, only
             *     `error` (Voximplant answers HTTP 200 either way).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InlineResponse20060"];
                };
            };
            "4XX": components["responses"]["FrontEndRejection"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Empty, like Logon's; declared only because the seed states the form Content-Type. */
        requestBody?: {
            content: {
                /** @example {} */
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /**
             * @description `result` is 1 once the session ID is forgotten; or, when the call failed, only `error` (HTTP 200 either
             *     way).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InlineResponse200"];
                };
            };
            "4XX": components["responses"]["FrontEndRejection"];
        };
    };
}
