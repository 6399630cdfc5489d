// Raw D1 row shapes shared by the queries that select a lead's contact columns.
export interface LeadContactRow {
  company: string;
  contact_name: string;
  email: string;
  phone: string | null;
  nip: string | null;
  city: string | null;
}
