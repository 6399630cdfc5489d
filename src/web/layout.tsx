// The page shell: language, stylesheet, header with the language switch, external scripts only.
import type { Child } from "hono/jsx";
import { type Lang, MESSAGES } from "../i18n/messages";

export function Layout(p: { lang: Lang; title: string; otherLangHref: string; scripts?: string[]; turnstile?: boolean; children: Child }) {
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <header class="site">
          <a class="brand" href={`/?lang=${p.lang}`}>
            Sizewise
          </a>
          <a href={p.otherLangHref} hreflang={p.lang === "pl" ? "en" : "pl"}>
            {MESSAGES[p.lang].language}
          </a>
        </header>
        <main id="main">{p.children}</main>
        {(p.scripts ?? []).map((s) => (
          <script src={s} defer />
        ))}
        {p.turnstile ? <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer /> : null}
      </body>
    </html>
  );
}

/** Internal pages (API docs, the local mailbox): English, the same stylesheet, no scripts. */
export function PlainPage(p: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{p.title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <main>
          <h1>{p.title}</h1>
          {p.children}
        </main>
      </body>
    </html>
  );
}
