import { DayCalendar } from '../lib/calendar/day-calendar';
import { generateSyntheticNetwork, type GenerateOptions } from '../lib/generate';
import { loadGroundTruth } from '../lib/ground-truth';
import { addEpisodeFacts, type EpisodeFacts, type FactsContext } from './episode-facts';

/**
 * Generates a network batch by batch and keeps only the episode facts (120k episodes of facts fit in
 * memory where their 5M appointments would not).
 */
export function collectFacts(options: GenerateOptions): { facts: EpisodeFacts[]; asOf: string } {
  const truth = options.truth ?? loadGroundTruth();
  const synthetic = generateSyntheticNetwork({ ...options, truth });
  const context: FactsContext = {
    calendar: new DayCalendar(
      DayCalendar.addDaysToDate(truth.asOf, -truth.windowDays - 400),
      DayCalendar.addDaysToDate(truth.asOf, 120),
    ),
    asOf: truth.asOf,
    patients: new Map(),
  };
  const facts = new Map<number, EpisodeFacts>();
  for (const batch of synthetic.batches()) addEpisodeFacts(batch.rows, context, facts);
  return { facts: [...facts.values()], asOf: truth.asOf };
}
