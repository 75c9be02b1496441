using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CollegeBot.Domain.People.Invites;

/// <summary>Invite codes: made from a strong random source, stored only as a hash.</summary>
public static class InviteCodes
{
    /// <summary>128 bits: too many to guess, and 22 characters that fit a Telegram <c>/start</c> payload (64 at most).</summary>
    public const int RandomBytes = 16;

    public const int MaxLength = 64;

    /// <summary>A new code: base64url without padding, so only A-Z a-z 0-9 _ and -.</summary>
    public static string Generate()
    {
        // A spreadsheet opening the invites file would read a leading '-' as a formula; drawing again costs nothing.
        string code;
        do
        {
            code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        }
        while (code[0] == '-');

        return code;
    }

    /// <summary>What <see cref="InviteCode.CodeHash"/> holds: SHA-256 of the code, lowercase hex.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Whether the text could be a code at all (1 to 64 characters of A-Z a-z 0-9 _ -).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: > 0 and <= MaxLength } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
