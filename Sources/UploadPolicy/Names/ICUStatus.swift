internal import _FoundationICU

/// ICU's status codes, for the ICU wrappers of this module.
enum ICUStatus {
    /// ICU fails on valid input only when it cannot allocate memory, which Swift treats as fatal everywhere.
    /// Statuses above zero are errors (ICU's `U_FAILURE`); below zero, warnings.
    static func check(_ status: UErrorCode, _ form: String) {
        if status.rawValue > U_ZERO_ERROR.rawValue {
            fatalError("ICU's \(form) normaliser failed: \(describe(status))")
        }
    }

    /// ICU's name for `status` ("U_BUFFER_OVERFLOW_ERROR").
    static func describe(_ status: UErrorCode) -> String { String(cString: swift_u_errorName(status)) }
}
