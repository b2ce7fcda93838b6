/**
 * The security view's shapes: regions with counts, the people inside, the evacuation muster and
 * the roll call. Part of the one contract (contract.ts re-exports everything here).
 */
import { z } from 'zod';
import { required, text } from './schema-parts';

export const RegionNodeSchema = z.object({
  no: z.string(),
  name: z.string(),
  parentno: z.string(),
  /** Everyone in the region and its sub-regions, each person counted once. */
  inside: z.number().int(),
  /** Of those, placed in this region itself (the region they entered last)… */
  here: z.number().int(),
  /** …and in its sub-regions. */
  below: z.number().int(),
});
export type RegionNode = z.infer<typeof RegionNodeSchema>;

export const RegionPersonSchema = z.object({
  no: z.string(),
  name: z.string(),
  deptname: z.string(),
  phoneTail: z.string(),
  photoUrl: z.string(),
  deviceno: z.string(),
  entertime: z.string(),
  /** Set when this kiosk registered the person as a visitor. */
  visitId: z.string().optional(),
  /** A visitor still inside after their visit ended. */
  overstay: z.boolean(),
});
export type RegionPerson = z.infer<typeof RegionPersonSchema>;

export const RegionPeopleQuerySchema = z
  .object({ regionNo: required(50), pageindex: z.number().int().min(1), pagesize: z.number().int().min(1).max(1000), query: text(50).optional() })
  .strict();

/** Phone numbers on a muster: masked (always allowed) or in full (admin PIN session only). */
export const MusterPhonesSchema = z.enum(['masked', 'full']);
export type MusterPhones = z.infer<typeof MusterPhonesSchema>;

/** One person on the muster: listed once, in the region they entered last. */
export const MusterPersonSchema = z.object({
  no: z.string(),
  name: z.string(),
  deptname: z.string(),
  regionNo: z.string(),
  /** Region names from the top region down to this person's region. */
  regionPath: z.array(z.string()),
  deviceno: z.string(),
  /** The entry door's name ('' when the device is unknown: show its number). */
  doorName: z.string(),
  entertime: z.string(),
  visitor: z.boolean(),
  /** Whom a visitor registered here came to see ('' otherwise). */
  hostName: z.string(),
  /** Masked (138****5678) or in full, as asked and allowed. */
  phone: z.string(),
  visitId: z.string().optional(),
  overstay: z.boolean(),
});
export type MusterPerson = z.infer<typeof MusterPersonSchema>;

export const MusterSchema = z.object({
  /** A region number (that region with its sub-regions) or 'all'. */
  scope: z.string(),
  phones: MusterPhonesSchema,
  fetchedAt: z.string(),
  /** The regions in scope, tree order, with counts (each person once). */
  regions: z.array(RegionNodeSchema),
  /** In region order, newest arrival first within a region. */
  people: z.array(MusterPersonSchema),
});
export type Muster = z.infer<typeof MusterSchema>;

/** A roll call runs on the muster from K30 now, or on the last one this computer kept (K30 unreachable). */
export const RollCallSourceSchema = z.enum(['live', 'last-known']);
export type RollCallSource = z.infer<typeof RollCallSourceSchema>;

export const RollCallSchema = z.object({
  startedAt: z.string(),
  source: RollCallSourceSchema,
  /** The list as it was when the roll call started (its fetchedAt is its age). */
  muster: MusterSchema,
  /** Person no → when a marshal marked them safe. */
  safe: z.record(z.string(), z.string()),
});
export type RollCall = z.infer<typeof RollCallSchema>;

export const RegionPeoplePageSchema = z.object({ total: z.number().int(), rows: z.array(RegionPersonSchema), fetchedAt: z.string() });
