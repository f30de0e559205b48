// Small HTML helpers shared by the demo's renderers. Every piece of sheet text passes through esc().

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A CSS colour from the sheet, or null when it is not a plain colour (never lets text into a style). */
export function cssColor(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(v)) return v.toLowerCase();
  if (/^[a-z]{3,20}$/i.test(v)) return v.toLowerCase();
  return null;
}

export function page(title: string, body: string, extraCss = ''): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body { font: 13px/1.4 Arial, "Helvetica Neue", sans-serif; margin: 16px; color: #202124; }
h1 { font-size: 18px; margin: 0 0 4px; }
p.meta { color: #5f6368; margin: 0 0 12px; }
${extraCss}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A slug for file names: "Tư pháp – Hộ tịch" → "tu-phap-ho-tich". */
export function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'nganh';
}
