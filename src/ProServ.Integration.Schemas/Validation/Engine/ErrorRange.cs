namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>The errors [<see cref="Start"/>, <see cref="End"/>) one keyword recorded, and that keyword's place (<see cref="Order"/>) in schema order.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
internal readonly record struct ErrorRange(int Order, int Start, int End);
