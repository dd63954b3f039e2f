/// Names Windows reserves for devices, and the extensions that make a file run or a server execute it.
enum DeviceNames {
    /// Windows device names, uppercase; a file whose name before the first dot is one of these cannot be
    /// created on Windows or served over SMB, whatever its extension.
    static let reserved: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"]
        for digit in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"] {
            names.insert("COM" + digit)
            names.insert("LPT" + digit)
        }
        return names
    }()

    /// Where the part of a name Windows compares with the device names ends: at the first `.` or `:`, trailing
    /// spaces removed. A `:` ends it as a dot does, since NTFS reads what follows as a data stream: `CON:.pdf`
    /// and `nul:x.pdf` open the device, as `CON.pdf` does.
    static func stemEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "."), bytes[end] != UInt8(ascii: ":") { end += 1 }
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        return end
    }

    /// Whether a name starting with this byte could be a device name (C, P, A, N or L, either case).
    static func mayStartDeviceName(_ byte: UInt8) -> Bool {
        switch ASCII.lowercased(byte) {
        case UInt8(ascii: "c"), UInt8(ascii: "p"), UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "l"): true
        default: false
        }
    }

    /// Extensions of programs, installers, shortcuts and scripts that a desktop runs or a web server executes.
    /// Found inside a name (`x.php.png`), they betray a disguised file. Words that are also common in
    /// legitimate names are left out on purpose: `com` and `pl` (domains: `acme.com.pdf`), `js` (`node.js`),
    /// `app`, `bin`, `run`, `inc`.
    static let executableExtensions: Set<String> = [
        // Windows programs, installers, shortcuts, scripts
        "exe", "scr", "pif", "cpl", "dll", "msi", "msp", "mst", "appx", "msix", "bat", "cmd", "ps1", "psm1",
        "vbs", "vbe", "jse", "wsf", "wsh", "wsc", "hta", "lnk", "reg", "jar", "scf",
        // Unix shells
        "sh", "bash", "zsh", "csh", "ksh",
        // server-side scripts
        "php", "php3", "php4", "php5", "php7", "php8", "phtml", "pht", "phps", "phar", "pgif",
        "asp", "aspx", "asa", "asax", "ascx", "ashx", "asmx", "axd", "cshtml", "vbhtml",
        "jsp", "jspx", "jspf", "cgi", "py", "rb", "shtml", "htaccess", "cfm", "cfml", "cfc",
    ]
}
