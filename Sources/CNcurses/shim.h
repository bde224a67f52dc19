#ifndef STPDASH_CNCURSES_SHIM_H
#define STPDASH_CNCURSES_SHIM_H

// The wide-character API (get_wch, add_wch, setcchar) is only declared when
// these are set before the header is read.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#ifdef __linux__
#include <malloc.h>  // mallopt: how the process's allocator keeps large blocks
#endif
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

// Swift 6 cannot see C macros with arguments or some C globals; these
// accessors give it the few it needs.
static inline WINDOW *stp_stdscr(void) { return stdscr; }
static inline int stp_lines(void) { return LINES; }
static inline int stp_cols(void) { return COLS; }
static inline int stp_colors(void) { return COLORS; }
static inline int stp_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t stp_a_normal(void) { return A_NORMAL; }
static inline attr_t stp_a_bold(void) { return A_BOLD; }
static inline attr_t stp_a_dim(void) { return A_DIM; }
static inline attr_t stp_a_reverse(void) { return A_REVERSE; }
static inline attr_t stp_a_underline(void) { return A_UNDERLINE; }

static inline int stp_key_code_yes(void) { return KEY_CODE_YES; }
static inline int stp_err(void) { return ERR; }

static inline mmask_t stp_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t stp_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t stp_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t stp_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t stp_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t stp_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t stp_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t stp_button5_pressed(void) { return 0; }
#endif

/// Draws one cell's text (a grapheme as UTF-32) with attributes and colour pair.
/// Returns -2, drawing nothing, when curses cannot hold the grapheme in one
/// cell (more than CCHARW_MAX code points, or a second one that takes a
/// column of its own: a flag, a ZWJ sequence, a skin tone).
static inline int stp_put_cell(int y, int x, const wchar_t *text, int len, attr_t attrs, short pair) {
  if (len > CCHARW_MAX) return -2;
  for (int i = 1; i < len; i++) {
    if (wcwidth(text[i]) != 0) return -2;
  }
  cchar_t cc;
  wchar_t buf[CCHARW_MAX + 1];
  int n = len < CCHARW_MAX ? len : CCHARW_MAX;
  for (int i = 0; i < n; i++) buf[i] = text[i];
  buf[n] = L'\0';
  if (setcchar(&cc, buf, attrs, pair, NULL) != OK) return ERR;
  return mvwadd_wch(stdscr, y, x, &cc);
}

/// True when the current locale's character set is UTF-8.
static inline int stp_locale_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  if (cs == NULL) return 0;
  return (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') &&
         (cs[2] == 'F' || cs[2] == 'f');
}

static inline FILE *stp_stdin(void) { return stdin; }
static inline FILE *stp_stdout(void) { return stdout; }
static inline WINDOW *stp_curscr(void) { return curscr; }

/// The columns the C library gives a code point (-1: not printable).
static inline int stp_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/// Where curses believes the terminal's cursor is.
static inline void stp_physical_cursor(int *y, int *x) {
  *y = getcury(curscr);
  *x = getcurx(curscr);
}

/// The key codes bracketed paste's start and end are given (past curses' own).
static inline int stp_paste_start_code(void) { return KEY_MAX + 1; }
static inline int stp_paste_end_code(void) { return KEY_MAX + 2; }

/// Asks the terminal to bracket pastes (ESC [ 200 ~ … ESC [ 201 ~), and
/// teaches curses the two sequences as keys.
static inline void stp_bracketed_paste_on(void) {
  define_key("\033[200~", KEY_MAX + 1);
  define_key("\033[201~", KEY_MAX + 2);
  static const char on[] = "\033[?2004h";
  fflush(stdout);
  (void)!write(STDOUT_FILENO, on, sizeof on - 1);
}

/// Restores the terminal from a signal handler: leaves curses mode, ends
/// bracketed paste and shows the cursor (async-signal-safe calls only).
static inline void stp_restore_terminal(void) {
  static const char off[] = "\033[?2004l";
  (void)!write(STDOUT_FILENO, off, sizeof off - 1);
  if (!isendwin()) endwin();
}

/// What a terminal type can do, read from terminfo before curses starts
/// (nothing is written to the terminal): -1 when the type is unknown.
/// Bit 1: cursor addressing (cup); bit 2: an alternate screen (smcup);
/// the colour count is returned through `colors`.
static inline int stp_terminal_abilities(const char *term, int fd, int *colors) {
  int err = 0;
  if (setupterm((char *)term, fd, &err) != OK) return -1;
  int out = 0;
  char *cup = tigetstr("cup");
  if (cup != NULL && cup != (char *)-1) out |= 1;
  char *smcup = tigetstr("smcup");
  if (smcup != NULL && smcup != (char *)-1 && smcup[0] != '\0') out |= 2;
  *colors = tigetnum("colors");
  del_curterm(cur_term);
  cur_term = NULL;
  return out;
}

/// Columns of the terminal on `fd`, or 0 when it is not a terminal.
static inline int stp_terminal_columns(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

#endif
