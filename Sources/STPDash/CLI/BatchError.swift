/// A batch command's failure: the message for standard error and the exit code.
struct BatchError: Error, CustomStringConvertible {
  var message: String
  var exitCode: Int32

  init(_ message: String, exitCode: Int32 = 1) {
    self.message = message
    self.exitCode = exitCode
  }

  var description: String { message }
}
