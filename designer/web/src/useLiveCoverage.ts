import { useEffect, useState } from 'react';
import type { ItemConfig, LocatedProblem } from '../../../engine/core/index.js';

/**
 * The rule coverage gate as the author edits, not only at 校验 or submit: once the authoring checks
 * find nothing (examples cannot run on a broken draft) and the author has paused, the examples run
 * in this browser through the engine chunk the examples tab uses, and each enabled rule no example
 * fires comes back as a problem at that rule. `null` while it cannot be known; the previous answer
 * stays while the next one is computed, so the badges do not flicker.
 */
export function useLiveCoverage(config: ItemConfig | null, checksClean: boolean): LocatedProblem[] | null {
  const [uncovered, setUncovered] = useState<LocatedProblem[] | null>(null);
  useEffect(() => {
    if (!config || !checksClean) {
      setUncovered(null);
      return;
    }
    let live = true;
    import('./examplesRunner.js')
      .then(async ({ runExamples, coverageProblems }) => {
        const report = await runExamples(config);
        if (live) setUncovered(coverageProblems(config, report));
      })
      .catch(() => {
        if (live) setUncovered(null);
      });
    return () => {
      live = false;
    };
  }, [config, checksClean]);
  return uncovered;
}
