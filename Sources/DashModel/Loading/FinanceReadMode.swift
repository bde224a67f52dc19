/// Which reader layers take `finance.csv`'s rows. The default takes every
/// layer, fastest first; tests read every fixture in each mode and check
/// that the answers are the same.
package enum FinanceReadMode: CaseIterable, Sendable {
  /// Every row through the general reader.
  case general
  /// The field-by-field fast path, leaving anything unusual to the general reader.
  case fieldByField
  /// The straight-line reader for the usual layout first, then the other two.
  case canonical
}
