/**
 * The customer resource sheet (客戶資源信息表) as one route table: the branch's managers and admins
 * list, search, add, edit, delete and import its customers. Numbers go in once, in clear, and are
 * kept only as a keyed hash and their last four digits (`numberHint`). The server registers these
 * routes from it (server/src/routes/records/customers.ts) and the console calls them through
 * `ApiClient.call`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CustomerSource, CustomerTier } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams, Role } from './schemas.js';

const strict = { additionalProperties: false } as const;
const Optional = Type.Optional;

/** Limits shared by the server's schemas and the console's forms. */
export const CUSTOMER_LIMITS = {
  nameLength: 80,
  /** What may be typed or pasted as a number: digits with spaces or dashes (the server keeps 4–19 digits). */
  numberLength: 40,
  phonePattern: '^\\+?[0-9 ()-]{3,24}$',
  needsLength: 500,
  notesLength: 1000,
  searchLength: 80,
  /** A list holds at most this many customers. */
  listLimit: 1000,
  /** An import's CSV: at most this many characters and rows. */
  importChars: 2_000_000,
  importRows: 5000,
} as const;

const L = CUSTOMER_LIMITS;

export const CustomerParams = Type.Object({ branchId: Id, customerId: Id });

/** One customer as managers and admins read it. The number itself is never read back. */
export const Customer = Type.Object({
  id: Id,
  branchId: Id,
  name: Type.String(),
  /** The number's last four digits (shown ••••1234); empty when the customer was noted without a number. */
  numberHint: Type.String(),
  tier: CustomerTier,
  phone: Nullable(Type.String()),
  needs: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  /** The account or wealth manager who looks after them. */
  managerId: Nullable(Id),
  managerName: Nullable(Type.String()),
  source: CustomerSource,
  lastVisitAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = Static<typeof Customer>;

export const CustomerList = Type.Object({
  customers: Type.Array(Customer),
  /** More customers matched than the list holds: narrow the search. */
  truncated: Type.Boolean(),
});
export type CustomerList = Static<typeof CustomerList>;

export const CustomerQuery = Type.Object(
  {
    q: Optional(Type.String({ minLength: 1, maxLength: L.searchLength, description: 'Part of a name, or a whole card or customer number (hashed by the server to search)' })),
    tier: Optional(CustomerTier),
  },
  strict,
);
export type CustomerQuery = Static<typeof CustomerQuery>;

const Name = Type.String({ minLength: 1, maxLength: L.nameLength, pattern: '\\S' });
const CustomerNumber = Type.String({ minLength: 1, maxLength: L.numberLength, description: 'Card or customer number: 4–19 digits, spaces and dashes allowed' });
const Phone = Type.String({ pattern: L.phonePattern, description: 'Digits, spaces, + ( ) -' });
const Needs = Type.String({ maxLength: L.needsLength });
const Notes = Type.String({ maxLength: L.notesLength });

export const CreateCustomerBody = Type.Object(
  {
    name: Name,
    /** Required by hand; optional when noted from a ticket (the ticket's number, if it had one, is used). */
    number: Optional(CustomerNumber),
    tier: Optional(CustomerTier),
    phone: Optional(Nullable(Phone)),
    needs: Optional(Nullable(Needs)),
    notes: Optional(Nullable(Notes)),
    managerId: Optional(Nullable(Id)),
    /** "Note this customer" from a ticket in the hall: the customer is linked to that ticket. */
    ticketId: Optional(Id),
  },
  strict,
);
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

/** What an edit may change: not the number (delete and add again), not the source. */
export const UpdateCustomerBody = Type.Object(
  {
    name: Optional(Name),
    tier: Optional(CustomerTier),
    phone: Optional(Nullable(Phone)),
    needs: Optional(Nullable(Needs)),
    notes: Optional(Nullable(Notes)),
    managerId: Optional(Nullable(Id)),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;

export const ImportCustomersBody = Type.Object(
  {
    /** The core banking system's export: a header row with name, number, tier, phone, needs, manager (a username). */
    csv: Type.String({ minLength: 1, maxLength: L.importChars }),
    /** Only check the rows and show what would be imported. */
    dryRun: Type.Boolean(),
  },
  strict,
);
export type ImportCustomersBody = Static<typeof ImportCustomersBody>;

/** Why a row of an import cannot be imported. */
export const IMPORT_PROBLEMS = [
  'name_missing',
  'name_too_long',
  'number_invalid',
  'tier_invalid',
  'phone_invalid',
  'needs_too_long',
  'manager_unknown',
  'duplicate_in_file',
  'duplicate_on_sheet',
] as const;
export const ImportProblem = Type.Union(IMPORT_PROBLEMS.map((p) => Type.Literal(p)));
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

export const ImportRow = Type.Object({
  /** The row's line in the file (the header is line 1). */
  line: Type.Integer(),
  name: Type.String(),
  numberHint: Type.String(),
  tier: Nullable(CustomerTier),
  managerName: Nullable(Type.String()),
  problems: Type.Array(ImportProblem),
});
export type ImportRow = Static<typeof ImportRow>;

export const ImportReport = Type.Object({
  rows: Type.Array(ImportRow),
  /** Rows written (0 for a dry run). */
  imported: Type.Integer(),
  /** Rows with a problem, never written. */
  skipped: Type.Integer(),
  /** A problem with the file as a whole (no header, unreadable CSV); rows are then empty. */
  fileProblem: Nullable(Type.String()),
});
export type ImportReport = Static<typeof ImportReport>;

/** Who may look after a customer: the branch's account managers and managers. */
export const CustomerManager = Type.Object({ id: Id, displayName: Type.String(), role: Role });
export type CustomerManager = Static<typeof CustomerManager>;

export const customerRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/customers',
    summary: 'The customer resource sheet, searched by name or number and filtered by tier (managers; audited)',
    tags: ['records'],
    params: BranchParams,
    querystring: CustomerQuery,
    response: { 200: CustomerList },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/customers',
    summary: 'Adds a customer by hand or from a ticket in the hall (managers; audited); 409 DUPLICATE_CUSTOMER for a number already on the sheet',
    tags: ['records'],
    params: BranchParams,
    body: CreateCustomerBody,
    response: { 201: Customer },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/customers/:customerId',
    summary: 'One customer of the sheet (managers; audited)',
    tags: ['records'],
    params: CustomerParams,
    response: { 200: Customer },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/branches/:branchId/customers/:customerId',
    summary: 'Edits a customer; the number cannot change (managers; audited)',
    tags: ['records'],
    params: CustomerParams,
    body: UpdateCustomerBody,
    response: { 200: Customer },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/branches/:branchId/customers/:customerId',
    summary: 'Deletes a customer from the sheet (managers; audited)',
    tags: ['records'],
    params: CustomerParams,
    response: { 204: Type.Null() },
  }),
  import: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/customers/import',
    summary: "Checks (dryRun) or imports a CSV from the core banking system; rows with a problem are skipped and reported (managers; audited as one 'import')",
    tags: ['records'],
    params: BranchParams,
    body: ImportCustomersBody,
    response: { 200: ImportReport },
  }),
  managers: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/customer-managers',
    summary: "Who may look after a customer: the branch's active account managers and managers",
    tags: ['records'],
    params: BranchParams,
    response: { 200: Type.Array(CustomerManager) },
  }),
} as const;
