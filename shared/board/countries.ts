/** Country codes a board may use: ISO 3166-1 alpha-2 plus "XX", and the EU-27 (for the CRMA 65% benchmark). */

/** The pseudo-country for international waters or an unknown location. */
export const UNKNOWN_COUNTRY = 'XX';

// The 249 officially assigned ISO 3166-1 alpha-2 codes. User-assigned codes such as XK (Kosovo)
// and exceptional reservations such as EU, UK or EL are deliberately not included.
const ISO_ALPHA2 = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
  'DE DJ DK DM DO DZ',
  'EC EE EG EH ER ES ET',
  'FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
  'HK HM HN HR HT HU',
  'ID IE IL IM IN IO IQ IR IS IT',
  'JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ',
  'LA LB LC LI LK LR LS LT LU LV LY',
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ',
  'OM',
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
  'QA',
  'RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
  'UA UG UM US UY UZ',
  'VA VC VE VG VI VN VU',
  'WF WS',
  'YE YT',
  'ZA ZM ZW',
]
  .join(' ')
  .split(' ');

/** Every code a node's or a disruption's country may hold: the ISO 3166-1 alpha-2 codes and "XX". */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([...ISO_ALPHA2, UNKNOWN_COUNTRY]);

/** The 27 EU member states by ISO code (Greece is GR, not the EU's own "EL"). */
export const EU_MEMBERS: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/** True when `s` is an upper-case ISO 3166-1 alpha-2 code or "XX"; never throws on non-strings. */
export function isCountryCode(s: unknown): s is string {
  return typeof s === 'string' && COUNTRY_CODES.has(s);
}

/** True when `code` is one of the EU-27 member states. */
export function isEuMember(code: string): boolean {
  return EU_MEMBERS.has(code);
}
