#if canImport(Glibc)
  import Glibc
#endif

/// The name to record as a flag's author when none is given.
enum LoginName {
  /// The login name: `getlogin`, then `$LOGNAME`/`$USER`, then the password
  /// entry of the effective user; `unknown` if none answers.
  static func current() -> String {
    if let p = getlogin(), let s = String(validatingCString: p), !s.isEmpty { return s }
    for key in ["LOGNAME", "USER"] {
      if let p = getenv(key), let s = String(validatingCString: p), !s.isEmpty { return s }
    }
    if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name, let s = String(validatingCString: name) {
      return s
    }
    return "unknown"
  }
}
