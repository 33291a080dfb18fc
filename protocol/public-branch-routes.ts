/**
 * What a screen may know of a branch before anyone signs in: its name and the language it speaks.
 * The staff sign-in page starts in the branch's language with it; nothing here is private (the
 * kiosk shows both to every customer).
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineRoute } from './route-kit.js';
import { Branch, BranchParams, LocalizedName } from './schemas.js';

export const PublicBranch = Type.Object({
  id: Type.String(),
  name: LocalizedName,
  defaultLocale: Branch.properties.defaultLocale,
});
export type PublicBranch = Static<typeof PublicBranch>;

export const publicBranchRoutes = {
  publicBranch: defineRoute({
    method: 'GET',
    path: '/api/public/branches/:branchId',
    summary: "A branch's name and default language, for the staff sign-in page before anyone signs in",
    tags: ['public'],
    public: true,
    params: BranchParams,
    response: { 200: PublicBranch },
  }),
} as const;
