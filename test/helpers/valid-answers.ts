import type { Answers } from '../../surveys/types.ts'

/** A complete, valid answer set of test/fixtures/validation-survey.json (a fresh copy). */
export function validationFixtureAnswers(): Answers {
  return {
    org_name: 'Coop Sud',
    email: 'contact@coop-sud.org',
    code: 'AB-123',
    age: 45,
    staff: 12,
    women_staff: 7,
    founded: '2001-05-04',
    motto: 'Credit for all',
    notes: 'Fine',
    area: 'other',
    'area-Comment': 'Peri-urban',
    products: ['savings', 'credit'],
    loan_size: 800,
    channel: 'agent',
    agent_count: 40,
    vote: ['FR-93'],
    priorities: ['trust', 'access', 'cost'],
    tags: ['women'],
    logo: 'owl',
    satisfaction: 4,
    effort: 5,
    member: true,
    network_name: 'Rural finance network',
    consent: 'yes',
    performance: { regulation: 3, funding: 5 },
    indicators: {
      y2023: { borrowers: 10, product: 'credit', quality: 2 },
      y2024: { borrowers: 12 },
    },
  }
}

/** A complete, valid answer set of test/fixtures/surveys/example.json (a fresh copy). */
export function exampleAnswers(): Answers {
  return {
    consent: true,
    stakeholder: 'mfi',
    satisfaction: 4,
    email: 'anna@example.org',
    code: 'FR-12',
    barriers: ['cost'],
    guarantee: 'yes',
    guarantee_coverage: 70,
    borrowers: 40,
    women: 25,
    performance: { regulation: 2, guarantees: 'dk' },
    importance: { regulation: 5, guarantees: 4 },
    maturity: { coordination: { current: 1, target: 3 } },
    biggest_gap: 'Guarantees for first-time entrepreneurs',
  }
}
