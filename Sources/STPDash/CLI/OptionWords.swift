import DashModel

/// Option values read as the filters read them: a whole word, or a prefix
/// of exactly one (`--kind acute` is `acute-trust`, `--region lon` London),
/// ignoring case, spaces and punctuation.
enum OptionWords {
  /// The one value whose words `text` is, or begins; `nil` for none or several.
  static func resolve<T>(_ text: String, _ all: [T], words: (T) -> [String]) -> T? {
    let key = Dataset.searchKey(text)
    guard !key.isEmpty else { return nil }
    if let exact = all.first(where: { words($0).contains { Dataset.searchKey($0) == key } }) { return exact }
    let matches = all.filter { words($0).contains { Dataset.searchKey($0).hasPrefix(key) } }
    return matches.count == 1 ? matches[0] : nil
  }

  static func kind(_ text: String) -> OrganisationKind? {
    resolve(text, OrganisationKind.allCases) { [$0.rawValue, $0.label] }
  }

  static func stance(_ text: String) -> Stance? { resolve(text, Stance.allCases) { [$0.code] } }

  static func region(_ text: String) -> Region? { resolve(text, Region.allCases) { [$0.name] } }
}
