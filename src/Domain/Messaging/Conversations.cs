using System.Text.Json;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;

namespace CollegeBot.Domain.Messaging;

/// <summary>
/// Keeps where a person is in a multi-step flow. The state is typed by the flow and stored as JSON; it joins the
/// caller's unit of work and expires after a while, so a flow left half-way does not catch a later message.
/// </summary>
public sealed class Conversations(CollegeDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The person's flow in progress, or null when there is none (or it expired).</summary>
    public async Task<Conversation?> CurrentAsync(Person person, CancellationToken ct)
    {
        var conversation = await FindAsync(person, ct);
        return conversation is not null && conversation.ExpiresAt > Now ? conversation : null;
    }

    /// <summary>The state of the person's flow <paramref name="flow"/>, or null when they are not in it.</summary>
    public async Task<T?> StateAsync<T>(Person person, string flow, CancellationToken ct)
        where T : class
    {
        var conversation = await CurrentAsync(person, ct);
        return conversation?.Flow == flow ? JsonSerializer.Deserialize<T>(conversation.Data, Json) : null;
    }

    /// <summary>Where the person is in flow <paramref name="flow"/> and its state, or null when they are not in it.</summary>
    public async Task<(string Step, T State)?> ResumeAsync<T>(Person person, string flow, CancellationToken ct)
        where T : class
    {
        var conversation = await CurrentAsync(person, ct);
        return conversation?.Flow == flow && JsonSerializer.Deserialize<T>(conversation.Data, Json) is { } state
            ? (conversation.Step, state)
            : null;
    }

    /// <summary>Starts or moves on a flow; a person is in one flow at a time, so this replaces any other.</summary>
    public async Task SaveAsync<T>(Person person, string flow, string step, T state, CancellationToken ct)
    {
        var conversation = await FindAsync(person, ct);
        if (conversation is null)
        {
            conversation = new Conversation { PersonId = person.Id, Flow = flow, Step = step, Data = "" };
            db.Conversations.Add(conversation);
            person.Conversation = conversation;
        }

        conversation.Flow = flow;
        conversation.Step = step;
        conversation.Data = JsonSerializer.Serialize(state, Json);
        conversation.ExpiresAt = Now + Lifetime;
    }

    /// <returns>True when a flow was in progress.</returns>
    public async Task<bool> EndAsync(Person person, CancellationToken ct)
    {
        var conversation = await FindAsync(person, ct);
        if (conversation is null)
        {
            return false;
        }

        db.Conversations.Remove(conversation);
        person.Conversation = null;
        return conversation.ExpiresAt > Now;
    }

    /// <summary>
    /// The person's conversation row, expired or not. The router loads it with the person, so on the hot path this
    /// costs no query; a person loaded otherwise gets it loaded here.
    /// </summary>
    private async Task<Conversation?> FindAsync(Person person, CancellationToken ct)
    {
        var reference = db.Entry(person).Reference(p => p.Conversation);
        if (!reference.IsLoaded)
        {
            await reference.LoadAsync(ct);
        }

        return person.Conversation;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
