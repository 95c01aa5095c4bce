/**
 * An OpenAPI document with `n` operations shaped like the real specs' (a path parameter or a JSON body, a typed
 * 200 with an example, a shared 401 that names its error class), to see how generation grows with spec size.
 */
import { stringify } from "yaml";

export function syntheticSpec(n: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const resource = `Resource${i}`;
    const reply = {
      description: "OK",
      content: {
        "application/json": {
          schema: { $ref: `#/components/schemas/${resource}` },
          example: { id: `r${i}`, name: "example", count: i },
        },
      },
    };
    const errors = { "401": { $ref: "#/components/responses/Unauthorized" } };
    if (i % 2 === 0) {
      paths[`/resources${i}/{id}`] = {
        get: {
          operationId: `getResource${i}`,
          summary: `Get resource ${i}`,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": reply, ...errors },
        },
      };
    } else {
      paths[`/resources${i}`] = {
        post: {
          operationId: `createResource${i}`,
          summary: `Create resource ${i}`,
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: `#/components/schemas/${resource}Input` } } },
          },
          responses: { "200": reply, ...errors },
        },
      };
      schemas[`${resource}Input`] = {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
      };
    }
    schemas[resource] = {
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        count: { type: "integer", format: "int32" },
        createdAt: { type: "string", format: "date-time" },
        tags: { type: "array", items: { type: "string" } },
      },
    };
  }
  return stringify({
    openapi: "3.0.3",
    info: { title: `Synthetic API with ${n} operations`, version: "1.0.0" },
    servers: [{ url: "https://api.example.com" }],
    security: [{ Bearer: [] }],
    paths,
    components: {
      securitySchemes: { Bearer: { type: "http", scheme: "bearer" } },
      responses: {
        Unauthorized: {
          description: "The token is not valid.",
          "x-sessionkit-error": "AuthenticationError",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
      schemas: { ...schemas, Error: { type: "object", properties: { message: { type: "string" } } } },
    },
  });
}
