/// What browsers and operating systems really report as a file's type, beyond what shared-mime-info knows.
///
/// Sources: field notes §5 (MDN "Blob: type"; jshttp/mime-db #118, #249; transloadit/uppy #2757).
enum BrowserQuirks {
    /// Non-standard names for standard types, added to shared-mime-info's aliases where it lacks them.
    static let aliases: [String: String] = [
        "image/jpg": "image/jpeg",
        "image/x-citrix-jpeg": "image/jpeg",
        "image/x-png": "image/png",
        "image/x-citrix-png": "image/png",
        "application/x-zip": "application/zip",
        "application/x-zip-compressed": "application/zip",
        "application/x-pdf": "application/pdf",
    ]

    /// Types that browsers report for files with a given extension although the type names something else,
    /// keyed by the lowercased final extension. Such a report counts as the extension's own type.
    ///
    /// - `.csv` on Windows with Excel installed comes as `application/vnd.ms-excel`.
    /// - `.gz`/`.tgz` on Windows come as `application/x-compressed` or `application/x-gzip-compressed`.
    /// - `.rtf` on Windows with Word installed comes as `application/msword`.
    static let reportedTypesByExtension: [String: Set<String>] = [
        "csv": ["application/vnd.ms-excel", "application/csv", "application/x-csv", "text/comma-separated-values"],
        "gz": ["application/x-compressed", "application/x-gzip-compressed"],
        "tgz": ["application/x-compressed", "application/x-gzip-compressed"],
        "rtf": ["application/msword"],
    ]

    /// Reported types that say nothing about the file: handled by the policy's `emptyType` option.
    static let genericTypes: Set<String> = [
        "application/octet-stream", "application/unknown", "binary/octet-stream", "application/binary",
    ]
}
