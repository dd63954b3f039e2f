import Foundation
import RestPkiCore

// The state changes the control routes drive, each refusing (422 `BadSignatureSessionOperation`) when the
// session's status does not allow it:
//
//   Pending ──complete──▶ Completed                  (without background processing)
//   Pending ──complete──▶ Processing ──progress 100──▶ Completed
//                         Processing ──processing-error──▶ ProcessingError
//   Pending ──cancel──▶ UserCancelled      Pending ──expire──▶ Expired
//   Pending ──upload (accepted)──▶ Pending, with one more document

extension EmulatedSession {
    /// The user signs every document and finishes.
    mutating func complete(signer name: String, at now: Date) throws(EmulatorFailure) {
        try requirePending("complete")
        guard !documents.isEmpty else {
            throw .badOperation("The session has no documents to sign; upload one first.")
        }
        signer = EmulatedSigner(name: name, signedAt: now)
        returnedToApp = true
        for index in documents.indices { documents[index].dateSigned = now }
        if backgroundProcessing {
            status = .processing
            progress = 0
            setDocuments(.processing)
        } else {
            finishProcessing()
        }
    }

    /// The user cancels on the page.
    mutating func cancel() throws(EmulatorFailure) {
        try requirePending("cancel")
        status = .userCancelled
        returnedToApp = true
    }

    /// The session times out before the user finishes.
    mutating func expire() throws(EmulatorFailure) {
        try requirePending("expire")
        status = .expired
    }

    /// Background processing advances; 100 completes it.
    mutating func report(progress percent: Double) throws(EmulatorFailure) {
        guard status == .processing else {
            throw .badOperation("Progress applies to a Processing session; this one is \(status.rawValue).")
        }
        progress = percent
        if percent >= 100 { finishProcessing() }
    }

    /// Background processing fails.
    mutating func failProcessing(code: String) throws(EmulatorFailure) {
        guard status == .processing else {
            throw .badOperation("Only a Processing session can fail processing; this one is \(status.rawValue).")
        }
        status = .processingError
        processingErrorCode = code
        setDocuments(.processingError)
    }

    /// Records an upload the page judged, adding the document when it was accepted.
    mutating func record(_ outcome: UploadOutcome, document: EmulatedDocument?) throws(EmulatorFailure) {
        try requireUploadable()
        uploads.append(outcome)
        if let document { documents.append(document) }
    }

    /// Refuses uploads to sessions that take none: predefined documents, or no longer `Pending`.
    func requireUploadable() throws(EmulatorFailure) {
        guard !predefined else {
            throw .badOperation("The session has predefined documents; the user cannot upload files to it.")
        }
        try requirePending("upload to")
    }

    private func requirePending(_ action: String) throws(EmulatorFailure) {
        guard status == .pending else {
            throw .badOperation("Cannot \(action) a session whose status is \(status.rawValue); it must be Pending.")
        }
    }

    private mutating func finishProcessing() {
        status = .completed
        progress = 100
        setDocuments(.completed)
    }

    private mutating func setDocuments(_ status: DocumentStatus) {
        for index in documents.indices { documents[index].status = status }
    }
}
