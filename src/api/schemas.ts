/**
 * Shared TypeBox primitives for route schemas. Order objects keep `additionalProperties`
 * so that serialisation never drops a field the draft carries (more fields are welcome).
 */
import { Type } from '@fastify/type-provider-typebox';

export const ErrorBody = Type.Object({
  error: Type.String({ description: 'stable error code' }),
  message: Type.String(),
});

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const Box = Type.Array(Type.Number(), { minItems: 4, maxItems: 4 });

export const Evidence = Type.Object(
  { page: Type.Integer(), box: Nullable(Box), text: Type.String() },
  { additionalProperties: true },
);

export const OrderLine = Type.Object(
  {
    position: Type.Integer(),
    sku: Nullable(Type.String()),
    customerSku: Nullable(Type.String()),
    gtin: Nullable(Type.String()),
    description: Nullable(Type.String()),
    quantity: Nullable(Type.Number()),
    unit: Nullable(Type.String()),
    unitPrice: Nullable(Type.Number()),
    matchedBy: Nullable(Type.String()),
    confidence: Type.Number(),
    evidence: Nullable(Evidence),
    conversion: Type.Optional(
      Nullable(
        Type.Object(
          { factor: Type.Number({ exclusiveMinimum: 0 }), unit: Type.String() },
          { description: "one ordered unit is `factor` × the catalog's `unit`" },
        ),
      ),
    ),
  },
  { additionalProperties: true },
);

/** A header field's confidence and where it was read (evidence null once a clerk set it). */
const FieldInfo = Nullable(
  Type.Object({ confidence: Type.Number(), evidence: Nullable(Evidence) }, { additionalProperties: true }),
);

export const Order = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    documentId: Type.String(),
    version: Type.Integer(),
    source: Type.Object({}, { additionalProperties: true }),
    customer: Type.Object(
      {
        id: Nullable(Type.String()),
        name: Nullable(Type.String()),
        matchedBy: Nullable(Type.String()),
        confidence: Type.Number(),
      },
      { additionalProperties: true },
    ),
    customerReference: Nullable(Type.String()),
    orderDate: Nullable(Type.String()),
    deliveryDate: Nullable(Type.String()),
    deliveryAddress: Type.Optional(Nullable(Type.String())),
    remarks: Type.Optional(Nullable(Type.String())),
    fields: Type.Optional(
      Type.Object(
        {
          customer: Type.Optional(FieldInfo),
          customerReference: FieldInfo,
          orderDate: FieldInfo,
          deliveryDate: FieldInfo,
          deliveryAddress: FieldInfo,
          remarks: FieldInfo,
        },
        { additionalProperties: true },
      ),
    ),
    lines: Type.Array(OrderLine),
    warnings: Type.Array(Type.String()),
    confidence: Type.Number(),
  },
  { additionalProperties: true },
);

export const OrderPage = Type.Object({
  items: Type.Array(Order),
  nextCursor: Nullable(Type.String()),
});

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 50 });

/** What a provider webhook answers: the documents the delivery created or found again. */
export const WebhookAck = Type.Object({
  received: Type.Boolean(),
  documentIds: Type.Array(Type.String(), { description: 'documents this delivery created or found again' }),
});
