// The public quote request form (Hono JSX). Works without JavaScript: a plain POST to
// /api/quote-requests; with it, /assets/form.js adds the live estimate and inline errors.
import type { Child } from "hono/jsx";
import { PRESETS } from "../domain/intake/presets";
import { AMOUNT_UNITS, DEPLOYMENTS, SPEEDS, TIMELINES, USE_CASES } from "../domain/intake/schema";
import type { Settings } from "../domain/pricing/settings";
import { type Lang, MESSAGES } from "../i18n/messages";
import { Layout } from "./layout";

export interface FormPageProps {
  lang: Lang;
  settings: Settings;
  retentionMonths: number;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  errorMessage?: string;
  turnstileSiteKey: string;
  startedAt: number;
  source: { sourcePage?: string; referrer?: string; utmSource?: string; utmMedium?: string; utmCampaign?: string };
}

/** JSON inside a script element: "<" escaped so no text can close the element. */
const safeJson = (json: string) => json.replaceAll("<", "\\u003c");

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export function FormPage(p: FormPageProps) {
  const t = MESSAGES[p.lang];
  const preset = PRESETS[(p.values.useCase as keyof typeof PRESETS) ?? "chat"] ?? PRESETS.chat;
  const v = (name: string, fallback: unknown = "") => str(p.values[name] ?? fallback);
  const err = (name: string) => p.errors[name];
  const described = (name: string, hint?: boolean) =>
    [err(name) ? `err-${name}` : "", hint ? `hint-${name}` : ""].filter(Boolean).join(" ") || undefined;

  const Field = (f: { name: string; label: string; hint?: string; children: Child }) => (
    <div class="field">
      <label for={f.name}>{f.label}</label>
      {f.hint ? (
        <p class="hint" id={`hint-${f.name}`}>
          {f.hint}
        </p>
      ) : null}
      {f.children}
      {err(f.name) ? (
        <p class="error" id={`err-${f.name}`}>
          {err(f.name)}
        </p>
      ) : null}
    </div>
  );
  const input = (name: string, type: string, extra: Record<string, unknown> = {}, hint = false) => (
    <input
      id={name}
      name={name}
      type={type}
      value={v(name, extra.default)}
      aria-invalid={err(name) ? "true" : undefined}
      aria-describedby={described(name, hint)}
      {...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "default"))}
    />
  );
  const select = (name: string, options: readonly string[], labels: Record<string, string>, fallback: string) => (
    <select id={name} name={name} aria-invalid={err(name) ? "true" : undefined} aria-describedby={described(name)}>
      {options.map((o) => (
        <option value={o} selected={v(name, fallback) === o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );
  const presetsJson = JSON.stringify(PRESETS);
  const i18nJson = JSON.stringify({
    estimateEmpty: t.estimateEmpty,
    estimateTier: t.estimateTier,
    estimatePrice: t.estimatePrice,
    estimateSpeed: t.estimateSpeed,
    estimateContext: t.estimateContext,
    perStream: t.perStream,
    customProject: t.customProject,
  });
  const errorCount = Object.keys(p.errors).length;
  return (
    <Layout
      lang={p.lang}
      title={t.title}
      otherLangHref={`/?lang=${p.lang === "pl" ? "en" : "pl"}`}
      scripts={["/assets/form.js"]}
      turnstile={p.turnstileSiteKey !== ""}
    >
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {errorCount > 0 ? (
        <div class="summary" role="alert" id="error-summary" tabindex={-1}>
          <p>
            <strong>{p.errorMessage ?? t.fixErrors}</strong>
          </p>
          <ul>
            {Object.entries(p.errors).map(([name, message]) => (
              <li>
                <a href={`#${name}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="summary" id="form-status" role="alert" tabindex={-1} hidden>
        {""}
      </p>
      <div class="layout">
        <form id="quote-form" method="post" action={`/api/quote-requests?lang=${p.lang}`} data-lang={p.lang} novalidate>
          <input type="hidden" name="language" value={p.lang} />
          <input type="hidden" name="formStartedAt" value={String(p.startedAt)} />
          {Object.entries(p.source).map(([k, val]) => (val ? <input type="hidden" name={k} value={val} /> : null))}
          <fieldset>
            <legend>{t.workload}</legend>
            <Field name="useCase" label={t.useCase}>
              {select("useCase", USE_CASES, t.useCases, "chat")}
            </Field>
            <Field name="concurrentUsers" label={t.concurrentUsers} hint={t.concurrentUsersHint}>
              {input("concurrentUsers", "number", { min: 1, max: 100000, step: 1, inputmode: "numeric", required: true, default: 5 }, true)}
            </Field>
            <Field name="totalUsers" label={t.totalUsers}>
              {input("totalUsers", "number", { min: 1, step: 1, inputmode: "numeric" })}
            </Field>
            <div class="field">
              <span class="label" id="amountUnit-label">
                {t.amountUnit}
              </span>
              <div class="choices" role="radiogroup" aria-labelledby="amountUnit-label">
                {AMOUNT_UNITS.map((u) => (
                  <label>
                    <input type="radio" name="amountUnit" value={u} checked={v("amountUnit", "pages") === u} /> {t.units[u]}
                  </label>
                ))}
              </div>
            </div>
            <div class="row">
              <Field name="typicalAmount" label={t.typicalAmount}>
                {input("typicalAmount", "number", { min: 1, step: "any", inputmode: "decimal", default: preset.typicalPages })}
              </Field>
              <Field name="longestAmount" label={t.longestAmount}>
                {input("longestAmount", "number", { min: 1, step: "any", inputmode: "decimal", default: preset.longestPages })}
              </Field>
            </div>
            <div class="row">
              <Field name="fineTuning" label={t.fineTuning}>
                {select("fineTuning", ["none", "lora", "qlora", "full"], t.fineTunings, "none")}
              </Field>
              <Field name="modality" label={t.modality}>
                {select("modality", ["text", "image", "video"], t.modalities, preset.modality)}
              </Field>
            </div>
            <div class="field">
              <span class="label" id="quality-label">
                {t.quality}
              </span>
              <div class="choices" role="radiogroup" aria-labelledby="quality-label">
                {(["max", "balanced", "economy"] as const).map((q) => (
                  <label>
                    <input type="radio" name="quality" value={q} checked={v("quality", "balanced") === q} /> {t.qualities[q]}
                  </label>
                ))}
              </div>
            </div>
            <div class="row">
              <Field name="speed" label={t.speed}>
                {select("speed", SPEEDS, t.speeds, "standard")}
              </Field>
              <Field name="deployment" label={t.deployment}>
                {select("deployment", DEPLOYMENTS, t.deployments, preset.deployment)}
              </Field>
            </div>
            <div class="row">
              <Field name="budgetPln" label={t.budgetPln}>
                {input("budgetPln", "number", { min: 0, step: 1000, inputmode: "numeric" })}
              </Field>
              <Field name="timeline" label={t.timeline}>
                {select("timeline", TIMELINES, t.timelines, "exploring")}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t.contact}</legend>
            <div class="row">
              <Field name="company" label={t.company}>
                {input("company", "text", { autocomplete: "organization", required: true, maxlength: 200 })}
              </Field>
              <Field name="contactName" label={t.contactName}>
                {input("contactName", "text", { autocomplete: "name", required: true, maxlength: 120 })}
              </Field>
            </div>
            <div class="row">
              <Field name="email" label={t.email}>
                {input("email", "email", { autocomplete: "email", required: true, maxlength: 254 })}
              </Field>
              <Field name="phone" label={t.phone}>
                {input("phone", "tel", { autocomplete: "tel", maxlength: 40 })}
              </Field>
            </div>
            <div class="row">
              <Field name="nip" label={t.nip}>
                {input("nip", "text", { inputmode: "numeric", maxlength: 20 })}
              </Field>
              <Field name="city" label={t.city}>
                {input("city", "text", { autocomplete: "address-level2", maxlength: 120 })}
              </Field>
            </div>
            <Field name="message" label={t.message}>
              <textarea id="message" name="message" maxlength={5000} aria-invalid={err("message") ? "true" : undefined}>
                {v("message")}
              </textarea>
            </Field>
            <div class="hp" aria-hidden="true">
              <label for="website">Website</label>
              <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
            </div>
            <div class="field check">
              <input id="marketingConsent" name="marketingConsent" type="checkbox" checked={p.values.marketingConsent === true} />
              <label for="marketingConsent">{t.marketingConsent}</label>
            </div>
            <p class="rodo">
              {t.rodo
                .replace("{seller}", `${p.settings.seller.name}, ${p.settings.seller.address}`)
                .replace("{months}", String(p.retentionMonths))}
            </p>
            {p.turnstileSiteKey ? <div class="cf-turnstile" data-sitekey={p.turnstileSiteKey} /> : null}
          </fieldset>
          <button type="submit">{t.submit}</button>
        </form>
        <aside class="estimate" aria-labelledby="estimate-title">
          <h2 id="estimate-title">{t.estimate}</h2>
          <div id="estimate-body" aria-live="polite">
            {t.estimateEmpty}
          </div>
        </aside>
      </div>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own JSON, "<" escaped by safeJson */}
      <script type="application/json" id="presets" dangerouslySetInnerHTML={{ __html: safeJson(presetsJson) }} />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own JSON, "<" escaped by safeJson */}
      <script type="application/json" id="i18n" dangerouslySetInnerHTML={{ __html: safeJson(i18nJson) }} />
    </Layout>
  );
}
