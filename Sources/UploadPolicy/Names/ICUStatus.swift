internal import _FoundationICU

/// ICU's status codes and shared instances, for the ICU wrappers of this module.
enum ICUStatus {
    /// ICU fails on valid input only when it cannot allocate memory, which Swift treats as fatal everywhere.
    /// Statuses above zero are errors (ICU's `U_FAILURE`); below zero, warnings.
    static func check(_ status: UErrorCode, _ form: String) {
        if status.rawValue > U_ZERO_ERROR.rawValue {
            fatalError("ICU's \(form) normaliser failed: \(describe(status))")
        }
    }

    /// The shared normaliser instance `sharedInstance` gives (ICU's `unorm2_get…Instance`): immutable and never
    /// freed, so any thread may use it. Its absence means ICU's data is missing, which nothing can work around.
    static func sharedNormalizer(
        _ form: String, _ sharedInstance: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?
    ) -> OpaquePointer {
        var status = U_ZERO_ERROR
        guard let instance = sharedInstance(&status), status.rawValue <= U_ZERO_ERROR.rawValue else {
            fatalError("ICU has no \(form) normaliser (\(describe(status)))")
        }
        return instance
    }

    /// ICU's name for `status` ("U_BUFFER_OVERFLOW_ERROR").
    static func describe(_ status: UErrorCode) -> String { String(cString: swift_u_errorName(status)) }
}
