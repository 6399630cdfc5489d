// The quote online, laid out to print on A4: seller and buyer, lines, net/VAT/gross, key figures,
// assumptions, validity, status, and accept/decline while it is open.
import { formatNip } from "../domain/nip";
import { formatPln } from "../domain/pricing/money";
import { type Lang, MESSAGES } from "../i18n/messages";
import { keyFigures } from "../quote/figures";
import type { QuoteView } from "../quote/view";
import { Layout } from "./layout";

export interface QuotePageProps {
  lang: Lang;
  quote: QuoteView;
  banner: "new" | "accepted" | "declined" | null;
  baseUrl: string;
}

export const formatDate = (iso: string, lang: Lang) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(lang === "pl" ? "pl-PL" : "en-GB", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });

export function placeOf(address: string): string {
  const m = /\d{2}-\d{3}\s+(.+)$/.exec(address);
  return m?.[1] ?? address;
}

export function QuotePage({ lang, quote: q, banner, baseUrl }: QuotePageProps) {
  const t = MESSAGES[lang];
  const s = q.settings.seller;
  const estimates = q.lines.some((l) => l.isEstimate);
  const range = q.totals.netLowGrosze !== q.totals.netHighGrosze;
  const open = q.status === "sent";
  const link = `${baseUrl}/q/${q.accessToken}`;
  return (
    <Layout
      lang={lang}
      title={`${t.quote} ${q.number}`}
      otherLangHref={`/q/${q.accessToken}?lang=${lang === "pl" ? "en" : "pl"}`}
      scripts={["/assets/quote.js"]}
    >
      {banner === "new" ? (
        <div class="notice" role="status">
          <p>
            <strong>{q.result.status === "recommended" ? t.thanks : t.thanksCustom}</strong>
          </p>
          <p>
            {t.quoteNumber}: <strong data-testid="quote-number">{q.number}</strong> · <a href={link}>{link}</a>
          </p>
        </div>
      ) : null}
      {banner === "accepted" ? (
        <div class="notice" role="status">
          {t.accepted}
        </div>
      ) : null}
      {banner === "declined" ? (
        <div class="notice" role="status">
          {t.declined}
        </div>
      ) : null}
      {q.status === "expired" ? (
        <div class="notice" role="status">
          {t.expiredNotice}
        </div>
      ) : null}
      <article class="doc">
        <h1>
          {t.quote} {q.number}
        </h1>
        <p>
          {t.status}: <span class={`status ${q.status}`}>{t.statuses[q.status]}</span>
        </p>
        <div class="meta">
          <div>
            <div class="small">
              {t.place}, {t.date}
            </div>
            {placeOf(s.address)}, {formatDate(q.createdAt, lang)}
          </div>
          <div>
            <div class="small">{t.validUntil}</div>
            <strong>{formatDate(q.validUntil, lang)}</strong>
          </div>
          <div>
            <div class="small">{t.inquiry}</div>
            {formatDate(q.lead.createdAt, lang)}
          </div>
        </div>
        <div class="parties">
          <section>
            <h2>{t.seller}</h2>
            <p>
              <strong>{s.name}</strong>
              <br />
              {s.address}
              <br />
              NIP {formatNip(s.nip)}, KRS {s.krs}
              <br />
              {s.registryCourt}
              <br />
              {lang === "pl" ? "Kapitał zakładowy" : "Share capital"}: {s.shareCapital}
              <br />
              {s.email}, {s.phone}
            </p>
          </section>
          <section>
            <h2>{t.buyer}</h2>
            <p>
              <strong>{q.lead.company}</strong>
              <br />
              {q.lead.contactName}
              <br />
              {q.lead.email}
              {q.lead.phone ? (
                <>
                  <br />
                  {q.lead.phone}
                </>
              ) : null}
              {q.lead.nip ? (
                <>
                  <br />
                  NIP {formatNip(q.lead.nip.replace(/\D/g, ""))}
                </>
              ) : null}
              {q.lead.city ? (
                <>
                  <br />
                  {q.lead.city}
                </>
              ) : null}
            </p>
          </section>
        </div>
        <h2>{t.subject}</h2>
        <p>{q.result.explanation[lang]}</p>
        <table>
          <thead>
            <tr>
              <th>{t.lp}</th>
              <th>{t.item}</th>
              <th class="num">{t.qty}</th>
              <th class="num">{t.unitNet}</th>
              <th class="num">{t.net}</th>
              <th class="num">{t.vat}</th>
              {estimates ? <th class="num">{t.range}</th> : null}
            </tr>
          </thead>
          <tbody>
            {q.lines.map((l) => (
              <tr>
                <td>{l.position}</td>
                <td>
                  {l.description}
                  {l.isEstimate ? " *" : ""}
                </td>
                <td class="num">{l.quantity}</td>
                <td class="num">{formatPln(l.unitNetGrosze, lang)}</td>
                <td class="num">{formatPln(l.unitNetGrosze * l.quantity, lang)}</td>
                <td class="num">{l.vatRateBasisPoints / 100}%</td>
                {estimates ? (
                  <td class="num">
                    {l.unitNetLowGrosze === l.unitNetHighGrosze
                      ? "—"
                      : `${formatPln(l.unitNetLowGrosze * l.quantity, lang)} – ${formatPln(l.unitNetHighGrosze * l.quantity, lang)}`}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colspan={4}>
                {t.total} {t.net.toLowerCase()}
              </th>
              <td class="num" data-testid="total-net">
                {formatPln(q.totals.netGrosze, lang)}
              </td>
              <td />
              {estimates ? (
                <td class="num">
                  {range ? `${formatPln(q.totals.netLowGrosze, lang)} – ${formatPln(q.totals.netHighGrosze, lang)}` : "—"}
                </td>
              ) : null}
            </tr>
            <tr>
              <th colspan={4}>{t.vat}</th>
              <td class="num" data-testid="total-vat">
                {formatPln(q.totals.vatGrosze, lang)}
              </td>
              <td />
              {estimates ? <td /> : null}
            </tr>
            <tr>
              <th colspan={4}>
                {t.total} {t.gross.toLowerCase()}
              </th>
              <td class="num" data-testid="total-gross">
                <strong>{formatPln(q.totals.grossGrosze, lang)}</strong>
              </td>
              <td />
              {estimates ? <td /> : null}
            </tr>
          </tfoot>
        </table>
        {estimates ? <p class="small">* {t.estimateNotice}</p> : null}
        <p class="small">{t.deliveryTerms}</p>
        <h2>{t.keyFigures}</h2>
        <table>
          <tbody>
            {keyFigures(q.result, lang).map(([k, v]) => (
              <tr>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t.assumptions}</h2>
        <ul class="small">
          {[...q.result.assumptions, ...q.result.warnings.filter((w) => w.code !== "estimate")].map((a) => (
            <li>{a[lang]}</li>
          ))}
        </ul>
        <p class="small">
          {t.onlineLink}: {link}
        </p>
      </article>
      <div class="actions">
        <a class="button" href={`/q/${q.accessToken}/pdf?lang=${lang}`}>
          {t.downloadPdf}
        </a>
        <button type="button" id="print" hidden>
          {t.print}
        </button>
      </div>
      {open ? (
        <form class="decision" method="post" action={`/q/${q.accessToken}/decision?lang=${lang}`}>
          <div class="field">
            <label for="comment">{t.comment}</label>
            <textarea id="comment" name="comment" maxlength={2000} />
          </div>
          <div class="actions">
            <button type="submit" name="decision" value="accept">
              {t.accept}
            </button>
            <button type="submit" name="decision" value="decline" class="secondary">
              {t.decline}
            </button>
          </div>
        </form>
      ) : null}
    </Layout>
  );
}

export function NotFoundPage({ lang }: { lang: Lang }) {
  const t = MESSAGES[lang];
  return (
    <Layout lang={lang} title={t.notFound} otherLangHref={`/?lang=${lang === "pl" ? "en" : "pl"}`}>
      <h1>{t.notFound}</h1>
      <p>
        <a href={`/?lang=${lang}`}>{t.title}</a>
      </p>
    </Layout>
  );
}
