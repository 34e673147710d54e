import { improvementRanking } from '../../analysis/constraints.ts';
import { scenarioOptions } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { pad, show, toCsv, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** `constraints`: where the lead time goes, stage by stage, and what halving each stage buys. */
export const constraintsCommand: Command = {
  flags: [],
  summary:
    'value stream: where lead time goes stage by stage, the constraint, and what halving each stage buys',
  usage: 'constraints',
  run(args, scenario, io) {
    const { out } = io;
    const progress = createProgress(io, 'stages');
    const { base, ranking } = improvementRanking(scenario.params, {
      onProgress: progress.update,
      ...scenarioOptions(scenario),
      mode: 'expected',
    });
    progress.done();
    if (args.csv) {
      writeCsvFile(
        args.csv,
        toCsv(
          [
            'stage',
            'kind',
            'calendarDays',
            'share',
            'leadTimeChangeIfHalved',
            'restoreChangeIfHalved',
            'wipChangeIfHalved',
          ],
          base.stages.map((s) => {
            const r = ranking.find((x) => x.stage === s.stage)!;
            return [
              s.stage,
              s.kind,
              s.calendarDays,
              s.share,
              r.leadTimeChange,
              r.restoreChange,
              r.wipChange,
            ];
          }),
        ),
      );
    }
    if (args.json) return out(JSON.stringify({ valueStream: base, ranking }));
    out(`Where the lead time goes (mean ${show(base.meanLeadTimeDays)} calendar days):`);
    for (const s of base.stages)
      out(
        `${pad(s.label, 46)}${pad(s.kind, 6)}${pad(`${show(s.calendarDays)} days`, 13)}${show(s.share * 100, 0)}%${s.stage === base.constraint ? '  <- the constraint' : ''}`,
      );
    out('\nHalving each stage in turn:');
    for (const r of ranking)
      out(
        `${pad(r.label, 46)}lead time ${pad(`${r.leadTimeChange <= 0 ? '' : '+'}${show(r.leadTimeChange)} days`, 14)}restore ${pad(`${show(r.restoreChange)} h`, 10)}undeployed ${show(r.wipChange, 0)} lines`,
      );
  },
};
