// The key figures a quote shows (page, PDF, e-mail), formatted for one language.
import { formatPln } from "../domain/pricing/money";
import type { SizingResult } from "../domain/sizing/engine";
import { type Lang, MESSAGES } from "../i18n/messages";

export function keyFigures(result: SizingResult, lang: Lang): [string, string][] {
  const t = MESSAGES[lang];
  const c = result.recommendation;
  if (!c?.configuration || !c.performance || !c.cost) return [];
  const k = c.configuration;
  const p = c.performance;
  const n = (x: number) => x.toLocaleString(lang === "pl" ? "pl-PL" : "en-GB");
  return [
    [t.system, `${k.units > 1 ? `${k.units}× ` : ""}${k.systemName} (${k.gpus} GPU)`],
    [t.weights, `${result.model.name}, ${k.formatLabel}, ${n(Math.round(k.weightsBytes / 1e9))} GB`],
    [t.runtime, `${k.runtime}, KV ${k.kvCacheType}`],
    [
      t.speedFig,
      `${n(p.decodeTokensPerSecondPerStream)} tok/s (${n(p.aggregateTokensPerSecond)} tok/s ${lang === "pl" ? "łącznie" : "in total"})`,
    ],
    [t.concurrency, `${n(p.designStreams)} (${lang === "pl" ? "cel spełniony do" : "target met up to"} ${n(p.maxStreamsMeetingTarget)})`],
    [t.context, `${n(result.request.contextTokens)} tok`],
    [t.ttft, `${n(p.timeToFirstTokenSeconds)} s`],
    [t.energy, `${formatPln(c.cost.monthlyEnergyGrosze, lang)} (${n(c.cost.monthlyEnergyKwh)} kWh)`],
    [t.tco, formatPln(c.cost.tcoGrosze, lang)],
  ];
}
