using System.Text;

namespace CollegeBot.FakeTelegram;

/// <summary>Delivers pending updates to the webhook one at a time, oldest first, retrying until the
/// receiver answers 2xx, as Telegram does (with the secret token header when one was set).</summary>
internal sealed class WebhookDeliverer(UpdateQueue updates, TimeProvider clock, TimeSpan retryDelay) : IAsyncDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token));

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var changed = updates.Changed();
                if (updates.NextForWebhook() is not var (id, update, hook))
                {
                    await changed.WaitAsync(ct);
                    continue;
                }

                var error = await DeliverAsync(hook, update, ct);
                if (error is null)
                {
                    updates.Delivered(id);
                }
                else
                {
                    updates.LastWebhookError = (clock.GetUtcNow(), error);
                    await Task.Delay(retryDelay, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Posts one update; null when the receiver took it, else the error Telegram would report.</summary>
    private async Task<string?> DeliverAsync(WebhookSettings hook, System.Text.Json.Nodes.JsonObject update, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
            {
                Content = new StringContent(Json.Write(update), Encoding.UTF8, "application/json"),
            };
            if (hook.SecretToken is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", hook.SecretToken);
            }

            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode
                ? null
                : $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return "Connection failed: " + e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "Read timeout expired";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        http.Dispose();
        stopping.Dispose();
    }
}
