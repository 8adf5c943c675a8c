//! The operating-system requests to stop that `serve` honours: Ctrl-C (SIGINT) and, on Unix,
//! SIGTERM as sent by service managers and `docker stop`. Handlers are installed before the
//! server starts, so a request that arrives during startup is not lost and stops the server
//! once it is up, rather than killing the process mid-start. SIGHUP asks a running server to
//! reread its TLS certificate.

/// Installed stop-signal handlers; each [`StopSignals::recv`] waits for the next request.
pub struct StopSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    /// SIGHUP: reread the TLS certificate.
    #[cfg(unix)]
    hangup: tokio::signal::unix::Signal,
}

impl StopSignals {
    /// Installs the handlers; must be called inside the tokio runtime.
    #[cfg(unix)]
    pub fn install() -> std::io::Result<StopSignals> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(StopSignals {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
            hangup: signal(SignalKind::hangup())?,
        })
    }

    /// Installs the handlers; must be called inside the tokio runtime.
    #[cfg(not(unix))]
    pub fn install() -> std::io::Result<StopSignals> {
        Ok(StopSignals {})
    }

    /// Waits for the next stop request and names it, for the log.
    #[cfg(unix)]
    pub async fn recv(&mut self) -> std::io::Result<&'static str> {
        tokio::select! {
            Some(()) = self.interrupt.recv() => Ok("SIGINT"),
            Some(()) = self.terminate.recv() => Ok("SIGTERM"),
            else => Err(std::io::Error::other("signal delivery stopped")),
        }
    }

    /// Waits for the next stop request (`Ok(Some(name))`) or SIGHUP (`Ok(None)`).
    #[cfg(unix)]
    pub async fn recv_or_reload(&mut self) -> std::io::Result<Option<&'static str>> {
        tokio::select! {
            Some(()) = self.hangup.recv() => Ok(None),
            Some(()) = self.interrupt.recv() => Ok(Some("SIGINT")),
            Some(()) = self.terminate.recv() => Ok(Some("SIGTERM")),
            else => Err(std::io::Error::other("signal delivery stopped")),
        }
    }

    /// Waits for the next stop request (there is no SIGHUP here).
    #[cfg(not(unix))]
    pub async fn recv_or_reload(&mut self) -> std::io::Result<Option<&'static str>> {
        self.recv().await.map(Some)
    }

    /// Waits for the next stop request and names it, for the log.
    #[cfg(not(unix))]
    pub async fn recv(&mut self) -> std::io::Result<&'static str> {
        tokio::signal::ctrl_c().await.map(|()| "Ctrl-C")
    }
}
