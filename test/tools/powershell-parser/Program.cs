using System;
using System.Management.Automation.Language;

// Parses each file given as an argument; prints "<file>:<line>:<column>: <message>" per syntax error.
// Exit code: 0 when every file parses, 1 otherwise.
var failed = false;
foreach (var path in args)
{
    Parser.ParseFile(path, out _, out var errors);
    foreach (var error in errors)
    {
        failed = true;
        Console.WriteLine($"{path}:{error.Extent.StartLineNumber}:{error.Extent.StartColumnNumber}: {error.Message}");
    }
}
return failed ? 1 : 0;
