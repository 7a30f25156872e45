/**
 * Joint procurement: which bodies' contracts for the same kind of service end at around the same time,
 * so that they could buy together. Pure functions over organisations' `systems` (schemas/system.ts), for
 * the page /collaborate/procurement/ and the "Contracts ending near yours" part of an organisation page.
 *
 * Decisions, each tested in tests/unit/procurement.test.ts:
 * - Only contracts still running count: one whose contract_end is before this month is left out (one
 *   ending this month is still running). Nobody can buy together for a contract that has ended.
 * - Contracts are compared within a service area (a theme id) only.
 * - A body with several systems in one area counts once per system, but a group needs at least two
 *   different bodies: one council's own contracts are not a joint procurement.
 * - Demonstration (fictional) bodies and real ones are never grouped together.
 * - Groups are sliding windows over contract ends: every maximal run of contracts whose ends are at most
 *   `windowMonths` apart. So every pair of bodies whose contracts end within the window appears together
 *   in at least one group, no group spans more than the window, and no group is contained in another.
 *   A contract can be in more than one group (A ends in month 0, B in 10, C in 20: A–B and B–C).
 */
import type { Organisation } from '../../schemas/organisation.ts';
import type { System } from '../../schemas/system.ts';
import { compareNames } from './collation.ts';
import { monthInWords } from './format.ts';

/** What the functions need of an organisation: a HubOrganisation (src/hub/hub.ts) will do. */
export interface ProcurementInput {
  id: string;
  data: Pick<Organisation, 'name' | 'type' | 'nation' | 'demonstration' | 'systems'>;
}

/** The body a contract belongs to. */
export type ContractOrganisation = Pick<Organisation, 'name' | 'type' | 'nation'> & { id: string; demonstration: boolean };

/** One system's contract, with whose it is. */
export interface Contract {
  organisation: ContractOrganisation;
  system: System;
}

export interface ProcurementCluster {
  /** The theme id of the service area. */
  serviceArea: string;
  /** True when the bodies are demonstration (fictional) ones; never mixed with real ones. */
  demonstration: boolean;
  /** Sorted by contract_end, then organisation name, then product. */
  contracts: Contract[];
  /** The first and last contract_end, as YYYY-MM. */
  from: string;
  to: string;
  /** Months between the first and the last contract_end (0 when they end in the same month). */
  spanMonths: number;
  /** The organisation ids in the group, in the order of their first contract. */
  organisationIds: string[];
  /** "Contracts for Council tax and benefits end between March 2027 and January 2028 (within 10 months)." */
  reason: string;
}

export interface ServiceAreaOpportunities {
  serviceArea: string;
  /** The theme's label, from `themeLabel` (or the id without one). */
  label: string;
  /** Sorted by when they start, then when they end. */
  clusters: ProcurementCluster[];
}

export interface ProcurementOptions {
  /** How far apart, in months, contract ends may be to count as "at around the same time". Default 18. */
  windowMonths?: number;
  /** This month as YYYY-MM (a YYYY-MM-DD date is cut to its month). Contracts that ended before it are left out. */
  today: string;
  /** The label of a theme id, for reasons and headings; defaults to the id. */
  themeLabel?: (id: string) => string | undefined;
}

export const DEFAULT_WINDOW_MONTHS = 18;

/** "2027-03" → a count of months, so that two months can be subtracted. */
export function monthNumber(yearMonth: string): number {
  const [year, month] = yearMonth.split('-').map(Number);
  return year * 12 + (month - 1);
}

/** Whole months from one YYYY-MM to another: monthsBetween('2027-03', '2028-01') = 10. */
export function monthsBetween(from: string, to: string): number {
  return monthNumber(to) - monthNumber(from);
}

function thisMonth(today: string): string {
  if (!/^\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?$/.test(today)) throw new Error(`today should be YYYY-MM or YYYY-MM-DD, not ${today}`);
  return today.slice(0, 7);
}

function windowOf(options: ProcurementOptions): number {
  const window = options.windowMonths ?? DEFAULT_WINDOW_MONTHS;
  if (!Number.isInteger(window) || window < 0) throw new Error(`windowMonths should be a whole number of months, not ${window}`);
  return window;
}

const byEnd = (a: Contract, b: Contract) =>
  a.system.contract_end.localeCompare(b.system.contract_end) ||
  compareNames(a.organisation.name, b.organisation.name) ||
  a.organisation.id.localeCompare(b.organisation.id) ||
  compareNames(a.system.product, b.system.product);

/** Every contract still running this month, sorted by contract_end. */
export function runningContracts(organisations: Iterable<ProcurementInput>, today: string): Contract[] {
  const month = thisMonth(today);
  const contracts: Contract[] = [];
  for (const { id, data } of organisations) {
    const organisation: ContractOrganisation = {
      id,
      name: data.name,
      type: data.type,
      nation: data.nation,
      demonstration: data.demonstration === true,
    };
    for (const system of data.systems ?? []) {
      if (system.contract_end >= month) contracts.push({ organisation, system });
    }
  }
  return contracts.sort(byEnd);
}

/** "within 10 months", "in the same month". */
function spanInWords(months: number): string {
  return months === 0 ? 'in the same month' : `within ${months} month${months === 1 ? '' : 's'}`;
}

export function clusterReason(label: string, from: string, to: string): string {
  if (from === to) return `Contracts for ${label} all end in ${monthInWords(from)}.`;
  return `Contracts for ${label} end between ${monthInWords(from)} and ${monthInWords(to)} (${spanInWords(monthsBetween(from, to))}).`;
}

/**
 * The maximal windows over contracts sorted by end, each no wider than `window` months, with at least
 * two organisations. Window i runs from contract i to the last contract within `window` months of it;
 * it is maximal unless the window before it reaches just as far (then it is contained in that one).
 */
function slidingWindows(sorted: readonly Contract[], window: number): Contract[][] {
  const months = sorted.map((contract) => monthNumber(contract.system.contract_end));
  const groups: Contract[][] = [];
  let right = 0;
  let previousRight = -1;
  for (let left = 0; left < sorted.length; left++) {
    if (right < left) right = left;
    while (right + 1 < sorted.length && months[right + 1] - months[left] <= window) right++;
    if (right > previousRight) {
      const group = sorted.slice(left, right + 1);
      if (new Set(group.map((contract) => contract.organisation.id)).size >= 2) groups.push(group);
    }
    previousRight = right;
  }
  return groups;
}

function cluster(serviceArea: string, label: string, contracts: Contract[]): ProcurementCluster {
  const from = contracts[0].system.contract_end;
  const to = contracts.at(-1)!.system.contract_end;
  return {
    serviceArea,
    demonstration: contracts[0].organisation.demonstration,
    contracts,
    from,
    to,
    spanMonths: monthsBetween(from, to),
    organisationIds: [...new Set(contracts.map((contract) => contract.organisation.id))],
    reason: clusterReason(label, from, to),
  };
}

/**
 * For each service area, the groups of bodies whose contracts end within `windowMonths` of each other.
 * Service areas without a group are left out; areas are sorted by label.
 */
export function procurementOpportunities(
  organisations: Iterable<ProcurementInput>,
  options: ProcurementOptions,
): ServiceAreaOpportunities[] {
  const window = windowOf(options);
  const label = (id: string) => options.themeLabel?.(id) ?? id;
  // Contracts by service area and by whether they are demonstrations, still sorted by end.
  const pools = new Map<string, Contract[]>();
  for (const contract of runningContracts(organisations, options.today)) {
    const key = JSON.stringify([contract.system.service_area, contract.organisation.demonstration]);
    pools.set(key, [...(pools.get(key) ?? []), contract]);
  }
  const areas = new Map<string, ProcurementCluster[]>();
  for (const [key, contracts] of pools) {
    const [serviceArea] = JSON.parse(key) as [string, boolean];
    const clusters = slidingWindows(contracts, window).map((group) => cluster(serviceArea, label(serviceArea), group));
    if (clusters.length > 0) areas.set(serviceArea, [...(areas.get(serviceArea) ?? []), ...clusters]);
  }
  return [...areas]
    .map(([serviceArea, clusters]) => ({
      serviceArea,
      label: label(serviceArea),
      clusters: clusters.sort(
        (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || Number(a.demonstration) - Number(b.demonstration),
      ),
    }))
    .sort((a, b) => compareNames(a.label, b.label) || a.serviceArea.localeCompare(b.serviceArea));
}

export interface NearbyContract extends Contract {
  /** Months from this organisation's contract_end to the other's: negative when the other ends first. */
  monthsApart: number;
}

export interface ContractsNearOne {
  /** One of the organisation's own systems still under contract. */
  system: System;
  /** The theme's label for its service area. */
  label: string;
  /** Other bodies' contracts in the same area ending within the window of it, sorted by contract_end. */
  nearby: NearbyContract[];
}

/**
 * For one organisation's page: for each of its systems still under contract (sorted by contract_end),
 * the other bodies' contracts in the same service area that end within `windowMonths` of it, on either
 * side. Demonstration bodies are matched only with demonstration bodies. [] for an unknown id.
 */
export function contractsEndingNear(
  organisations: Iterable<ProcurementInput>,
  organisationId: string,
  options: ProcurementOptions,
): ContractsNearOne[] {
  const window = windowOf(options);
  const contracts = runningContracts(organisations, options.today);
  return contracts
    .filter((own) => own.organisation.id === organisationId)
    .map((own) => ({
      system: own.system,
      label: options.themeLabel?.(own.system.service_area) ?? own.system.service_area,
      nearby: contracts
        .filter(
          (other) =>
            other.organisation.id !== organisationId &&
            other.organisation.demonstration === own.organisation.demonstration &&
            other.system.service_area === own.system.service_area &&
            Math.abs(monthsBetween(own.system.contract_end, other.system.contract_end)) <= window,
        )
        .map((other) => ({ ...other, monthsApart: monthsBetween(own.system.contract_end, other.system.contract_end) })),
    }));
}
