
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's044fae4c336c28e1': `啟用聲音`,
's0aef6cb34c9544e6': str`本網點沒有${0}號窗口。`,
's0c4e610021642867': `現在叫號`,
's26c55e27179f540c': `今日尚未叫號`,
's2d6f8500295bf2c5': str`${0}號窗口`,
's35a08d4c7d5a0842': str`請到${0}號窗口`,
's4786eb175d161e9f': `再次呼叫`,
's4cdef29e1eab4114': `此顯示屏尚未設定：請在網址中加上網點及設備令牌後開啟。`,
's4e8b63b7d2061e77': `最近叫號`,
's5208745cd4708233': `正在連線…`,
's60d3a30f1165e315': `存款利率（年利率）`,
's613890ac5cdaff80': `此設備已登出`,
's6691c1bf64200d83': `無需等候`,
's6dbbe2646b239ca5': `已關閉`,
's73112da1b80edcc6': `公告`,
's79b5146c25d01cc2': `暫無窗口服務`,
's7e2fb0ab107b69c7': `請取號，留意叫號`,
's95bc8722b2708f8b': `暫停服務`,
'sa4b15b17fa07dd86': `請留意叫號`,
'sa54af3748f3710f8': str`約 ${0} 分鐘`,
'sc867e59b507ae768': `伺服器拒絕了此顯示屏的設備令牌：`,
'sc999fade9ee65d44': `正在重新連線…`,
'scdb1bac161852c73': `歡迎光臨`,
'seac9afef1a00b5e8': `人`,
    };
  