import type { CaseSearchMessageKey } from './caseSearch.zh-CN';

/** English texts of the full-history case search; the type makes a key missing here a compile error. */
export const caseSearchEn: Record<CaseSearchMessageKey, string> = {
  'cases.mode.label': 'Search in',
  'cases.mode.local': 'This seat',
  'cases.mode.server': 'All history (server)',

  'cases.server.searchPlaceholder': 'Type words, press Enter to search all past cases (Ctrl+F)',
  'cases.server.search': 'Search',
  'cases.server.hint':
    'Searches every case on the central server. Type words and press Enter; phone numbers are partly hidden.',
  'cases.server.searching': 'Searching the server…',
  'cases.server.shown': '{shown} shown',
  'cases.server.shownMore': '{shown} shown, more available',
  'cases.server.empty': 'No case on the server matches “{q}”',
  'cases.server.loadMore': 'Load more',
  'cases.server.offline': 'Offline: only this seat’s cases can be searched',
  'cases.server.blocked.noServer':
    'No server address is set, so only this seat’s cases can be searched. Enter the server address in Settings.',
  'cases.server.blocked.unreachable':
    'The central server cannot be reached now, so only this seat’s cases can be searched. Once the network is back, type words and press Enter.',
  'cases.server.blocked.offlineLogin':
    'You are logged in offline. Searching all past cases needs an online login; this seat’s cases can still be searched.',
  'cases.server.blocked.notLoggedIn':
    'Searching all past cases needs an online login first; this seat’s cases can still be searched.',
  'cases.server.some': 'No case holds all the words. The {n} below hold some of them, closest first.',
  'cases.server.failed': 'The server search failed',
  'cases.server.backToLocal': 'Search this seat’s cases instead',
  'cases.server.seat': 'Seat',
  'cases.server.tableLabel': 'Server results: Tab moves between cases, Enter opens one',
  'cases.server.hitTitle': 'Case {caseNo} (server record)',
  'cases.server.notLocal': 'This case is not on this seat. Below is the server’s summary, read-only.',
  'cases.server.phone': 'Phone',
  'cases.server.subject': 'Subject',
  'cases.server.answer': 'Answer',
  'cases.server.kbArticle': 'Article cited',
};
