// Inline styles shared by the templates (mail clients ignore stylesheets).
export const s = {
  body: { backgroundColor: "#f6f8fa", fontFamily: "Arial, Helvetica, sans-serif", color: "#1b1f24", margin: 0, padding: "16px 0" },
  container: {
    backgroundColor: "#ffffff",
    border: "1px solid #d5dae0",
    borderRadius: "6px",
    maxWidth: "640px",
    margin: "0 auto",
    padding: "24px",
  },
  h1: { fontSize: "20px", margin: "0 0 12px" },
  h2: { fontSize: "16px", margin: "20px 0 8px" },
  p: { fontSize: "14px", lineHeight: "21px", margin: "0 0 10px" },
  small: { fontSize: "12px", lineHeight: "18px", color: "#5b6570", margin: "0 0 6px" },
  cell: { fontSize: "13px", padding: "6px 8px", borderBottom: "1px solid #e5e8eb", textAlign: "left" as const },
  num: {
    fontSize: "13px",
    padding: "6px 8px",
    borderBottom: "1px solid #e5e8eb",
    textAlign: "right" as const,
    whiteSpace: "nowrap" as const,
  },
  button: {
    backgroundColor: "#0b5cad",
    color: "#ffffff",
    borderRadius: "4px",
    padding: "10px 18px",
    fontSize: "14px",
    fontWeight: "bold",
    textDecoration: "none",
  },
  hr: { borderColor: "#d5dae0", margin: "20px 0" },
};
