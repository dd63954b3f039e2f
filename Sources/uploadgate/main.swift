// The uploadgate command-line tool. Subcommands arrive with their issues: serve (endpoint), lint, test,
// check and explain (CLI).
import UploadPolicy

print("uploadgate: the endpoint is not built yet; see README.md")
