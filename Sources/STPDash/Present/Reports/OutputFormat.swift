import ArgumentParser

/// How a view is printed: an aligned table, CSV or JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

/// `--format`, shared by the commands that print data.
struct FormatOption: ParsableArguments {
  @Option(name: .long, help: "Output format: table, csv or json.")
  var format: OutputFormat = .table
}
