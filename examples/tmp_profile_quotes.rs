use storydiff::article::Article;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let new = Article::from_text(&std::fs::read_to_string(&a[1]).unwrap()).unwrap();
    let n: usize = a[2].parse().unwrap();
    for _ in 0..n {
        std::hint::black_box(storydiff::quotes::extract(&new.paragraphs));
    }
    eprintln!(
        "{} quotes, {} paragraphs",
        storydiff::quotes::extract(&new.paragraphs).len(),
        new.paragraphs.len()
    );
}
