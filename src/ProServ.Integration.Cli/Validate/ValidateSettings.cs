using ProServ.Integration.Cli.Output;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Cli.Validate;

/// <summary>The options of one <c>proserv validate</c> run.</summary>
/// <param name="JsonLines">Whether each line of an input is one instance.</param>
/// <param name="Format">How results are printed.</param>
/// <param name="Mode">Whether every error or only the first one is collected per instance.</param>
/// <param name="Quiet">Whether only failures are printed.</param>
internal sealed record ValidateSettings(bool JsonLines, OutputFormat Format, ValidationOutputMode Mode, bool Quiet);
