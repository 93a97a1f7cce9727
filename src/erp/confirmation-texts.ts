/**
 * The wording of the order confirmation in the four languages of our customers. "Auftrags-
 * bestätigung" is the established German term (DOMAIN.md); the others are the usual commercial
 * terms (confirmation de commande, conferma d'ordine, order confirmation).
 */
import type { Language } from './outbound-config.ts';

export interface ConfirmationTexts {
  title: string;
  yourOrder: string;
  ofDate: string;
  ourReference: string;
  customerNo: string;
  deliveryDate: string;
  position: string;
  article: string;
  description: string;
  quantity: string;
  unit: string;
  price: string;
  amount: string;
  total: string;
  notKnown: string;
  thanks: string;
  page: string;
  date: string;
}

export const CONFIRMATION_TEXTS: Record<Language, ConfirmationTexts> = {
  de: {
    title: 'Auftragsbestätigung',
    yourOrder: 'Ihre Bestellung',
    ofDate: 'vom',
    ourReference: 'Unsere Auftragsnummer',
    customerNo: 'Kundennummer',
    deliveryDate: 'Liefertermin',
    position: 'Pos.',
    article: 'Artikel-Nr.',
    description: 'Bezeichnung',
    quantity: 'Menge',
    unit: 'Einheit',
    price: 'Preis',
    amount: 'Betrag',
    total: 'Total',
    notKnown: 'offen',
    thanks:
      'Vielen Dank für Ihren Auftrag. Bitte prüfen Sie die Positionen und melden Sie Abweichungen umgehend.',
    page: 'Seite',
    date: 'Datum',
  },
  fr: {
    title: 'Confirmation de commande',
    yourOrder: 'Votre commande',
    ofDate: 'du',
    ourReference: 'Notre numéro de commande',
    customerNo: 'N° client',
    deliveryDate: 'Date de livraison',
    position: 'Pos.',
    article: 'N° article',
    description: 'Désignation',
    quantity: 'Quantité',
    unit: 'Unité',
    price: 'Prix',
    amount: 'Montant',
    total: 'Total',
    notKnown: 'à confirmer',
    thanks:
      'Merci de votre commande. Veuillez vérifier les positions et nous signaler tout écart sans délai.',
    page: 'Page',
    date: 'Date',
  },
  it: {
    title: "Conferma d'ordine",
    yourOrder: 'Il vostro ordine',
    ofDate: 'del',
    ourReference: 'Nostro numero ordine',
    customerNo: 'N. cliente',
    deliveryDate: 'Data di consegna',
    position: 'Riga',
    article: 'Codice articolo',
    description: 'Descrizione',
    quantity: 'Quantità',
    unit: 'Unità',
    price: 'Prezzo',
    amount: 'Importo',
    total: 'Totale',
    notKnown: 'da definire',
    thanks:
      'Grazie per il vostro ordine. Vi preghiamo di verificare le righe e segnalarci subito eventuali differenze.',
    page: 'Pagina',
    date: 'Data',
  },
  en: {
    title: 'Order confirmation',
    yourOrder: 'Your order',
    ofDate: 'of',
    ourReference: 'Our order number',
    customerNo: 'Customer no.',
    deliveryDate: 'Delivery date',
    position: 'Pos.',
    article: 'Article no.',
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    price: 'Price',
    amount: 'Amount',
    total: 'Total',
    notKnown: 'open',
    thanks: 'Thank you for your order. Please check the lines and tell us about any difference at once.',
    page: 'Page',
    date: 'Date',
  },
};

/** 27.11.2026 in de/fr/it (the Swiss short form), 2026-11-27 in English. */
export function formatDate(iso: string | null, lang: Language): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[3]}.${m[2]}.${m[1]}`;
}

/** Swiss number style: ' as thousands mark, . as decimal mark (de-CH/it-CH; fr-CH too in business use). */
export function formatNumber(n: number, decimals: number | null = null): string {
  const s = decimals === null ? String(Number(n.toFixed(6))) : n.toFixed(decimals);
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return frac ? `${grouped}.${frac}` : grouped;
}
