using System.ComponentModel.DataAnnotations;

namespace CollegeBot.Bot.Delivery;

/// <summary>Section <c>Delivery</c>: how fast and how persistently the outbox is sent.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Messages per second to everyone together; Telegram allows about 30.</summary>
    [Range(0.1, 1000)]
    public double GlobalPerSecond { get; set; } = 25;

    /// <summary>Messages per second into one chat; Telegram allows about 1.</summary>
    [Range(0.01, 1000)]
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Attempts on server and network errors before a message is marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Requests to Telegram in flight at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSends { get; set; } = 8;
}
