//! A TCP proxy between Kafka clients and a server under test that can lose a Produce
//! response: armed, it lets the next Produce request through, then drops the server's answer
//! to it and cuts the connection, as a network failure after the write would.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A running proxy.
pub struct Proxy {
    pub addr: SocketAddr,
    armed: Arc<AtomicBool>,
    dropped: Arc<AtomicUsize>,
}

impl Proxy {
    /// Binds a port now; [`Proxy::forward_to`] starts forwarding once the server exists (it
    /// must advertise this address so that clients stay behind the proxy).
    pub async fn bind() -> (Proxy, TcpListener) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let proxy = Proxy {
            addr: listener.local_addr().expect("addr"),
            armed: Arc::new(AtomicBool::new(false)),
            dropped: Arc::new(AtomicUsize::new(0)),
        };
        (proxy, listener)
    }

    /// Forwards every connection accepted on `listener` to `upstream`.
    pub fn forward_to(&self, listener: TcpListener, upstream: SocketAddr) {
        let armed = self.armed.clone();
        let dropped = self.dropped.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Ok(server) = TcpStream::connect(upstream).await else {
                    continue;
                };
                tokio::spawn(pipe(client, server, armed.clone(), dropped.clone()));
            }
        });
    }

    /// Loses the response to the next Produce request (and that connection).
    pub fn drop_next_produce_response(&self) {
        self.armed.store(true, Ordering::SeqCst);
    }

    /// How many responses were lost so far.
    pub fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }
}

async fn read_frame(stream: &mut (impl AsyncReadExt + Unpin)) -> Option<Vec<u8>> {
    let mut len = [0u8; 4];
    stream.read_exact(&mut len).await.ok()?;
    let mut frame = vec![0u8; i32::from_be_bytes(len).max(0) as usize + 4];
    frame[..4].copy_from_slice(&len);
    stream.read_exact(&mut frame[4..]).await.ok()?;
    Some(frame)
}

async fn pipe(
    client: TcpStream,
    server: TcpStream,
    armed: Arc<AtomicBool>,
    dropped: Arc<AtomicUsize>,
) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let doomed: Arc<Mutex<HashSet<i32>>> = Arc::default();
    let requests = {
        let doomed = doomed.clone();
        async move {
            while let Some(frame) = read_frame(&mut client_read).await {
                // Request header: api key (i16), api version (i16), correlation id (i32).
                let api_key = i16::from_be_bytes([frame[4], frame[5]]);
                let correlation = i32::from_be_bytes([frame[8], frame[9], frame[10], frame[11]]);
                if api_key == 0 && armed.swap(false, Ordering::SeqCst) {
                    doomed.lock().unwrap().insert(correlation);
                }
                if server_write.write_all(&frame).await.is_err() {
                    return;
                }
            }
        }
    };
    let responses = async move {
        while let Some(frame) = read_frame(&mut server_read).await {
            let correlation = i32::from_be_bytes([frame[4], frame[5], frame[6], frame[7]]);
            if doomed.lock().unwrap().remove(&correlation) {
                dropped.fetch_add(1, Ordering::SeqCst);
                return;
            }
            if client_write.write_all(&frame).await.is_err() {
                return;
            }
        }
    };
    // Whichever side ends first ends the connection on both sides.
    tokio::select! {
        () = requests => {}
        () = responses => {}
    }
}
