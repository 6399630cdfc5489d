// The short explanation in Polish and English, written from the numbers of a result.
import { formatPln } from "../pricing/money";
import type { Settings } from "../pricing/settings";
import type { SizingResult } from "./engine";

export const TIER_NAMES = {
  prototype: { pl: "prototyp / R&D", en: "prototype / R&D" },
  development: { pl: "rozwój i fine-tuning", en: "development and fine-tuning" },
  production: { pl: "produkcja (inferencja)", en: "production inference" },
  "multi-agent": { pl: "produkcja wieloagentowa", en: "multi-agent production" },
  enterprise: { pl: "klaster", en: "cluster" },
} as const;

const num = (x: number, lang: "pl" | "en") => x.toLocaleString(lang === "pl" ? "pl-PL" : "en-GB", { maximumFractionDigits: 2 });

export function describeResult(r: SizingResult, _settings: Settings): { pl: string; en: string } {
  const c = r.recommendation;
  if (!c?.configuration || !c.performance || !c.cost) {
    const why = [...r.warnings, ...r.candidates.map((x) => x.rejection).filter((x) => x !== null)].slice(0, 3);
    return {
      pl: `Żadna standardowa konfiguracja nie obsłuży tego obciążenia: ${why.map((w) => w.pl).join(" ")} Przygotujemy projekt indywidualny.`,
      en: `No standard configuration serves this workload: ${why.map((w) => w.en).join(" ")} We will prepare a custom project.`,
    };
  }
  const k = c.configuration;
  const p = c.performance;
  const t = c.cost.totals;
  const units = k.units > 1 ? `${k.units}× ` : "";
  const range = t.netLowGrosze !== t.netHighGrosze;
  const pricePl = range ? `${formatPln(t.netLowGrosze)} – ${formatPln(t.netHighGrosze)} netto` : `${formatPln(t.netGrosze)} netto`;
  const priceEn = range
    ? `${formatPln(t.netLowGrosze, "en")} – ${formatPln(t.netHighGrosze, "en")} net`
    : `${formatPln(t.netGrosze, "en")} net`;
  const ft = c.fineTuning && c.fineTuning.method !== "none" ? c.fineTuning : null;
  const pl = [
    `Rekomendacja: ${units}${k.systemName} (poziom: ${TIER_NAMES[k.tier].pl}), ${r.model.name} w formacie ${k.formatLabel} (${num(Math.round(k.weightsBytes / 1e9), "pl")} GB wag) na ${k.runtime}.`,
    `Przy ${num(p.designStreams, "pl")} równoczesnych strumieniach po ${num(r.request.contextTokens, "pl")} tokenów kontekstu każdy dostaje ok. ${num(p.decodeTokensPerSecondPerStream, "pl")} tok/s (łącznie ${num(p.aggregateTokensPerSecond, "pl")} tok/s); pierwszy token po ok. ${num(p.timeToFirstTokenSeconds, "pl")} s dla promptu ${num(p.promptTokens, "pl")} tokenów.`,
    `Cel ${num(r.request.targetDecodeTokensPerSecond, "pl")} tok/s utrzyma się do ${num(p.maxStreamsMeetingTarget, "pl")} strumieni.`,
    ft ? `Fine-tuning ${ft.method.toUpperCase()} modelu ${ft.target}: ${ft.fits ? "mieści się" : "nie mieści się"} w pamięci.` : "",
    `Cena: ${pricePl}; energia ok. ${formatPln(c.cost.monthlyEnergyGrosze)} miesięcznie.`,
  ];
  const en = [
    `Recommendation: ${units}${k.systemName} (tier: ${TIER_NAMES[k.tier].en}), ${r.model.name} in ${k.formatLabel} (${num(Math.round(k.weightsBytes / 1e9), "en")} GB of weights) on ${k.runtime}.`,
    `With ${num(p.designStreams, "en")} concurrent streams of ${num(r.request.contextTokens, "en")} context tokens each gets about ${num(p.decodeTokensPerSecondPerStream, "en")} tok/s (${num(p.aggregateTokensPerSecond, "en")} tok/s in total); first token after about ${num(p.timeToFirstTokenSeconds, "en")} s for a ${num(p.promptTokens, "en")}-token prompt.`,
    `The ${num(r.request.targetDecodeTokensPerSecond, "en")} tok/s target holds up to ${num(p.maxStreamsMeetingTarget, "en")} streams.`,
    ft ? `${ft.method.toUpperCase()} fine-tuning of ${ft.target}: ${ft.fits ? "fits" : "does not fit"} in memory.` : "",
    `Price: ${priceEn}; energy about ${formatPln(c.cost.monthlyEnergyGrosze, "en")} a month.`,
  ];
  return { pl: pl.filter(Boolean).join(" "), en: en.filter(Boolean).join(" ") };
}
