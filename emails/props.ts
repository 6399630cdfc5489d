// Props of the e-mail templates: plain, already formatted strings (amounts in pl-PL format),
// so templates only lay them out.
export type EmailLang = "pl" | "en";

export interface SellerProps {
  name: string;
  address: string;
  nip: string;
  krs: string;
  registryCourt: string;
  shareCapital: string;
  email: string;
  phone: string;
  website: string;
}

export interface PriceRow {
  description: string;
  quantity: number;
  net: string;
}

export interface ProposalProps {
  lang: EmailLang;
  contactName: string;
  company: string;
  quoteNumber: string | null;
  quoteUrl: string | null;
  validUntil: string | null;
  customProject: boolean;
  recommendation: {
    systemName: string;
    tier: string;
    why: string;
    speed: string;
    context: string;
    people: string;
  } | null;
  rows: PriceRow[];
  totals: { net: string; vat: string; gross: string; range: string | null } | null;
  hasEstimates: boolean;
  seller: SellerProps;
}

export interface SalesLeadProps {
  leadId: string;
  adminUrl: string;
  contact: {
    company: string;
    contactName: string;
    email: string;
    phone: string | null;
    nip: string | null;
    city: string | null;
    language: string;
    message: string | null;
    marketingConsent: boolean;
  };
  workload: [string, string][];
  recommendation: string;
  alternatives: string[];
  quoteNumber: string | null;
  quoteUrl: string | null;
  net: string | null;
  gross: string | null;
}

export interface DecisionProps {
  decision: "accepted" | "declined";
  quoteNumber: string;
  company: string;
  contactName: string;
  email: string;
  comment: string | null;
  gross: string;
  adminUrl: string;
  quoteUrl: string;
}
