/**
 * Joint procurement groups, from hand-built organisations: the 18-month window at its edges, a body with
 * two systems, demonstration and real bodies kept apart, ended contracts left out, and the sliding windows.
 */
import { describe, expect, it } from 'vitest';
import type { System } from '../../schemas/system.ts';
import {
  clusterReason,
  contractsEndingNear,
  monthsBetween,
  procurementOpportunities,
  type ProcurementInput,
  type ServiceAreaOpportunities,
} from '../../src/lib/procurement.ts';

const TODAY = '2026-11';
const LABELS: Record<string, string> = {
  'council-tax-and-benefits': 'Council tax and benefits',
  'waste-and-recycling': 'Waste and recycling',
  housing: 'Housing',
};
const themeLabel = (id: string) => LABELS[id];

function system(service_area: string, contract_end: string, product = `${service_area} system`): System {
  return { product, supplier: 'Example Supplier', service_area, contract_end };
}

function body(id: string, systems: System[], demonstration = false): ProcurementInput {
  return { id, data: { name: id[0].toUpperCase() + id.slice(1), type: 'district', nation: 'england', demonstration, systems } };
}

const run = (organisations: ProcurementInput[], today = TODAY) =>
  procurementOpportunities(organisations, { windowMonths: 18, today, themeLabel });

/** Each area's groups as lists of "organisation:contract_end", which is easy to read in a failure. */
function shape(areas: ServiceAreaOpportunities[]): Record<string, string[][]> {
  return Object.fromEntries(
    areas.map((area) => [
      area.serviceArea,
      area.clusters.map((cluster) => cluster.contracts.map((contract) => `${contract.organisation.id}:${contract.system.contract_end}`)),
    ]),
  );
}

describe('monthsBetween', () => {
  it('counts whole months across years', () => {
    expect(monthsBetween('2027-03', '2028-01')).toBe(10);
    expect(monthsBetween('2027-03', '2028-09')).toBe(18);
    expect(monthsBetween('2028-09', '2027-03')).toBe(-18);
    expect(monthsBetween('2027-12', '2027-12')).toBe(0);
  });
});

describe('procurementOpportunities', () => {
  it('groups two bodies whose contracts end exactly 18 months apart', () => {
    const areas = run([body('ashby', [system('housing', '2027-03')]), body('brook', [system('housing', '2028-09')])]);
    expect(shape(areas)).toEqual({ housing: [['ashby:2027-03', 'brook:2028-09']] });
    expect(areas[0].clusters[0].spanMonths).toBe(18);
  });

  it('does not group two bodies whose contracts end 19 months apart', () => {
    expect(run([body('ashby', [system('housing', '2027-03')]), body('brook', [system('housing', '2028-10')])])).toEqual([]);
  });

  it('gives the reason in words, with the theme label', () => {
    const [area] = run([
      body('ashby', [system('council-tax-and-benefits', '2027-03')]),
      body('brook', [system('council-tax-and-benefits', '2028-01')]),
    ]);
    expect(area.label).toBe('Council tax and benefits');
    expect(area.clusters[0].reason).toBe(
      'Contracts for Council tax and benefits end between March 2027 and January 2028 (within 10 months).',
    );
    expect(clusterReason('Housing', '2027-05', '2027-05')).toBe('Contracts for Housing all end in May 2027.');
    expect(clusterReason('Housing', '2027-05', '2027-06')).toBe(
      'Contracts for Housing end between May 2027 and June 2027 (within 1 month).',
    );
  });

  it('compares contracts only within one service area', () => {
    expect(run([body('ashby', [system('housing', '2027-03')]), body('brook', [system('waste-and-recycling', '2027-03')])])).toEqual([]);
  });

  it('needs two different organisations: one body’s own contracts are not a group', () => {
    expect(run([body('ashby', [system('housing', '2027-03', 'Rents'), system('housing', '2027-06', 'Repairs')])])).toEqual([]);
  });

  it('counts a body with two systems in one area once per system', () => {
    const areas = run([
      body('ashby', [system('housing', '2027-03', 'Rents'), system('housing', '2027-06', 'Repairs')]),
      body('brook', [system('housing', '2027-04')]),
    ]);
    expect(shape(areas)).toEqual({ housing: [['ashby:2027-03', 'brook:2027-04', 'ashby:2027-06']] });
    expect(areas[0].clusters[0].organisationIds).toEqual(['ashby', 'brook']);
  });

  it('never groups demonstration bodies with real ones', () => {
    const organisations = [body('ashby', [system('housing', '2027-03')]), body('fenmoor', [system('housing', '2027-04')], true)];
    expect(run(organisations)).toEqual([]);
    const withPartners = run([
      ...organisations,
      body('brook', [system('housing', '2027-05')]),
      body('glanmor', [system('housing', '2027-06')], true),
    ]);
    expect(shape(withPartners)).toEqual({
      housing: [
        ['ashby:2027-03', 'brook:2027-05'],
        ['fenmoor:2027-04', 'glanmor:2027-06'],
      ],
    });
    expect(withPartners[0].clusters.map((cluster) => cluster.demonstration)).toEqual([false, true]);
  });

  it('leaves out contracts that ended before this month, and keeps one ending this month', () => {
    const organisations = [
      body('ashby', [system('housing', '2026-10')]),
      body('brook', [system('housing', '2027-01')]),
      body('cole', [system('housing', '2026-11')]),
    ];
    expect(shape(run(organisations))).toEqual({ housing: [['cole:2026-11', 'brook:2027-01']] });
    expect(shape(run(organisations, '2026-11-27'))).toEqual({ housing: [['cole:2026-11', 'brook:2027-01']] });
    expect(run(organisations, '2026-12')).toEqual([]);
  });

  it('slides the window: every pair within 18 months is in a group, and no group spans more', () => {
    // Ends at months 0, 10 and 20: A–B and B–C are within 18 months, A–C is not.
    const areas = run([
      body('ashby', [system('housing', '2027-01')]),
      body('brook', [system('housing', '2027-11')]),
      body('cole', [system('housing', '2028-09')]),
    ]);
    expect(shape(areas)).toEqual({
      housing: [
        ['ashby:2027-01', 'brook:2027-11'],
        ['brook:2027-11', 'cole:2028-09'],
      ],
    });
    expect(areas[0].clusters.map((cluster) => cluster.spanMonths)).toEqual([10, 10]);
  });

  it('keeps only maximal windows, with no group inside another', () => {
    // Months 0, 1, 2 and 30: one group of three, not also the pairs inside it; the fourth is alone.
    const areas = run([
      body('ashby', [system('housing', '2027-01')]),
      body('brook', [system('housing', '2027-02')]),
      body('cole', [system('housing', '2027-03')]),
      body('dale', [system('housing', '2029-07')]),
    ]);
    expect(shape(areas)).toEqual({ housing: [['ashby:2027-01', 'brook:2027-02', 'cole:2027-03']] });
  });

  it('groups contracts ending in the same month, once', () => {
    const areas = run([
      body('ashby', [system('housing', '2027-03')]),
      body('brook', [system('housing', '2027-03')]),
      body('cole', [system('housing', '2027-03')]),
    ]);
    expect(shape(areas)).toEqual({ housing: [['ashby:2027-03', 'brook:2027-03', 'cole:2027-03']] });
    expect(areas[0].clusters[0].reason).toBe('Contracts for Housing all end in March 2027.');
  });

  it('keeps the pair guarantee on random data', () => {
    // A fixed pseudo-random sequence, so a failure can be repeated.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const ids = ['ashby', 'brook', 'cole', 'dale', 'eden', 'fell'];
    for (let round = 0; round < 50; round++) {
      const organisations = ids.map((id) =>
        body(
          id,
          Array.from({ length: 1 + Math.floor(next() * 3) }, (_, index) => {
            const month = 2027 * 12 + Math.floor(next() * 60);
            return system(
              next() < 0.7 ? 'housing' : 'waste-and-recycling',
              `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
              `P${index}`,
            );
          }),
          next() < 0.2,
        ),
      );
      const clusters = run(organisations).flatMap((area) => area.clusters);
      for (const cluster of clusters) {
        expect(cluster.spanMonths).toBeLessThanOrEqual(18);
        expect(new Set(cluster.contracts.map((contract) => contract.organisation.id)).size).toBeGreaterThanOrEqual(2);
        expect(new Set(cluster.contracts.map((contract) => contract.organisation.demonstration)).size).toBe(1);
      }
      const contracts = organisations.flatMap((organisation) => (organisation.data.systems ?? []).map((item) => ({ organisation, item })));
      for (const a of contracts) {
        for (const b of contracts) {
          if (a.organisation.id >= b.organisation.id || a.item.service_area !== b.item.service_area) continue;
          if (a.organisation.data.demonstration !== b.organisation.data.demonstration) continue;
          if (Math.abs(monthsBetween(a.item.contract_end, b.item.contract_end)) > 18) continue;
          const together = clusters.some(
            (cluster) => cluster.contracts.some((c) => c.system === a.item) && cluster.contracts.some((c) => c.system === b.item),
          );
          expect(together, `${a.organisation.id} ${a.item.contract_end} and ${b.organisation.id} ${b.item.contract_end}`).toBe(true);
        }
      }
      // No group is inside another.
      for (const x of clusters) {
        for (const y of clusters) {
          if (x !== y && x.serviceArea === y.serviceArea)
            expect(x.contracts.every((contract) => y.contracts.includes(contract))).toBe(false);
        }
      }
    }
  });

  it('sorts areas by label and takes the window from the options', () => {
    const organisations = [
      body('ashby', [system('waste-and-recycling', '2027-01'), system('council-tax-and-benefits', '2027-01')]),
      body('brook', [system('waste-and-recycling', '2027-07'), system('council-tax-and-benefits', '2027-04')]),
    ];
    expect(run(organisations).map((area) => area.label)).toEqual(['Council tax and benefits', 'Waste and recycling']);
    const narrow = procurementOpportunities(organisations, { windowMonths: 3, today: TODAY, themeLabel });
    expect(narrow.map((area) => area.serviceArea)).toEqual(['council-tax-and-benefits']);
  });

  it('rejects a today that is not a month', () => {
    expect(() => run([], '27/11/2026')).toThrow(/YYYY-MM/);
  });
});

describe('contractsEndingNear', () => {
  const organisations = [
    body('ashby', [
      system('housing', '2027-06', 'Rents'),
      system('waste-and-recycling', '2030-01', 'Rounds'),
      system('housing', '2026-01', 'Old'),
    ]),
    body('brook', [system('housing', '2025-12'), system('housing', '2028-12')]),
    body('cole', [system('housing', '2026-12'), system('waste-and-recycling', '2027-06')]),
    body('dale', [system('housing', '2029-01')]),
    body('fenmoor', [system('housing', '2027-06')], true),
  ];

  it('lists, for each of its running contracts, other bodies’ contracts in the same area within 18 months either side', () => {
    const near = contractsEndingNear(organisations, 'ashby', { windowMonths: 18, today: TODAY, themeLabel });
    expect(near.map((entry) => entry.system.product)).toEqual(['Rents', 'Rounds']);
    expect(near[0].label).toBe('Housing');
    // cole ends 6 months before, brook exactly 18 after; dale (19 after), brook's ended contract and fictional Fenmoor are not listed.
    expect(near[0].nearby.map((contract) => [contract.organisation.id, contract.system.contract_end, contract.monthsApart])).toEqual([
      ['cole', '2026-12', -6],
      ['brook', '2028-12', 18],
    ]);
    expect(near[1].nearby).toEqual([]);
  });

  it('matches demonstration bodies only with demonstration bodies', () => {
    const near = contractsEndingNear([...organisations, body('glanmor', [system('housing', '2027-08')], true)], 'fenmoor', {
      today: TODAY,
    });
    expect(near[0].nearby.map((contract) => contract.organisation.id)).toEqual(['glanmor']);
  });

  it('is empty for a body with no systems, or an id it does not know', () => {
    expect(contractsEndingNear(organisations, 'nowhere', { today: TODAY })).toEqual([]);
    expect(contractsEndingNear([body('ashby', [])], 'ashby', { today: TODAY })).toEqual([]);
  });
});
